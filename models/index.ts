import type { Model } from "mongoose";
import { CaseChangeModel } from "./case-change";
import { JobRunModel } from "./job-run";
import { AgreementCommentModel, AgreementVersionModel } from "./agreement";
import { AttemptSlotModel } from "./attempt-slot";
import { CaseDocumentModel } from "./case-document";
import { CaseEventModel } from "./case-event";
import { CaseMessageModel } from "./case-message";
import { ClaimModel } from "./claim";
import { DepartmentModel } from "./department";
import { DocumentModel } from "./document";
import { HandoverModel } from "./handover";
import { IdentityLinkModel } from "./identity-link";
import { IdentityProviderModel } from "./identity-provider";
import { OutboxModel } from "./email-outbox";
import { OrganisationModel } from "./organisation";
import { ProposalModel } from "./proposal";
import { PublicBodyModel } from "./public-body";
import { ReadMarkerModel } from "./read-marker";
import { PageTextModel } from "./page-text";
import { SeenMarksModel } from "./seen-marks";
import { SequenceModel } from "./sequence";
import { StatisticsModel, StatisticsPendingModel } from "./statistics";
import { SessionModel } from "./session";
import { TokenModel } from "./token";
import { UserModel } from "./user";

export function allModels(): Model<never>[] {
  return [
    PublicBodyModel,
    DepartmentModel,
    AgreementVersionModel,
    AgreementCommentModel,
    UserModel,
    OrganisationModel,
    DocumentModel,
    SessionModel,
    HandoverModel,
    IdentityProviderModel,
    IdentityLinkModel,
    TokenModel,
    OutboxModel,
    ClaimModel,
    SeenMarksModel,
    PageTextModel,
    AttemptSlotModel,
    ReadMarkerModel,
    StatisticsModel,
    StatisticsPendingModel,
    ProposalModel,
    CaseEventModel,
    CaseDocumentModel,
    CaseMessageModel,
    SequenceModel,
    CaseChangeModel,
    JobRunModel,
  ] as unknown as Model<never>[];
}
