import { Schema } from "mongoose";
import { CASE_STATUSES, type CaseStatus } from "./constants";
import { defineModel, stableId, type ObjectId } from "./shared";

/**
 * The append-only audit trail of a case. `(caseId, seq)` is unique: inserting event n+1 is
 * how a change claims version n+1 of the case, so two concurrent changes cannot both win.
 */
export interface CaseEvent {
  _id: ObjectId;
  publicBodyId: ObjectId;
  caseId: ObjectId;
  seq: number;
  type: string;
  actorId?: ObjectId;
  actorName: string;
  fromStatus?: CaseStatus;
  toStatus?: CaseStatus;
  /** Shown to the organisation in its timeline (internal events are staff-only). */
  shared: boolean;
  /** Made by a member of the organisation that owns the case. */
  fromOrganisation?: boolean;
  /** Made by the public body's staff (the officer, the office, an administrator). */
  fromStaff?: boolean;
  data: Record<string, unknown>;
  idempotencyKey?: string;
  /** What the change causes besides the case's fields (document entries, messages, emails). */
  effects?: Record<string, unknown>[];
  /** True until every effect is applied; whoever reads the case next finishes the work. */
  effectsPending?: boolean;
  at: Date;
}

const schema = new Schema<CaseEvent>(
  {
    publicBodyId: { type: Schema.Types.ObjectId, required: true },
    caseId: { type: Schema.Types.ObjectId, required: true, ref: "Proposal" },
    seq: { type: Number, required: true },
    type: { type: String, required: true },
    actorId: { type: Schema.Types.ObjectId, ref: "User" },
    actorName: { type: String, default: "" },
    fromStatus: { type: String, enum: CASE_STATUSES },
    toStatus: { type: String, enum: CASE_STATUSES },
    shared: { type: Boolean, default: true },
    fromOrganisation: Boolean,
    fromStaff: Boolean,
    data: { type: Schema.Types.Mixed, default: {} },
    idempotencyKey: String,
    effects: { type: [Schema.Types.Mixed], default: undefined },
    effectsPending: Boolean,
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ caseId: 1, seq: 1 }, { unique: true });
schema.index({ publicBodyId: 1, at: -1 });

export const CaseEventModel = defineModel("CaseEvent", schema);

/** Event `seq` of a case: every read of a case's trail is an `_id` lookup (docs/decisions/009). */
export const eventId = (caseId: ObjectId | string, seq: number) => stableId(`event:${String(caseId)}:${seq}`);
