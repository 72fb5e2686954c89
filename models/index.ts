import type { Model } from "mongoose";
import { CounterModel } from "./counter";
import { DepartmentModel } from "./department";
import { DocumentModel } from "./document";
import { OutboxModel } from "./email-outbox";
import { OrganisationModel } from "./organisation";
import { PublicBodyModel } from "./public-body";
import { SessionModel } from "./session";
import { TokenModel } from "./token";
import { UserModel } from "./user";

export function allModels(): Model<never>[] {
  return [
    PublicBodyModel,
    DepartmentModel,
    UserModel,
    OrganisationModel,
    DocumentModel,
    SessionModel,
    TokenModel,
    OutboxModel,
    CounterModel,
  ] as unknown as Model<never>[];
}
