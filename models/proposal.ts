import { Schema } from "mongoose";
import { CASE_KINDS, CASE_STATUSES, type CaseKind, type CaseStatus } from "./constants";
import { baseOptions, defineModel, type ObjectId } from "./shared";
import { agreementStateSchema, type AgreementState } from "./agreement";

export interface Goal {
  goal: string;
  indicator: string;
}

export interface ProposalContent {
  title: string;
  /** Idea: what and for whom. Proposal: the summary. */
  summary: string;
  need: string;
  targetGroup: string;
  activities: string;
  periodStart?: Date;
  periodEnd?: Date;
  areas: string[];
  generalInterest: string;
  municipalGoal: string;
  addedValue: string;
  ownContributionDescription: string;
  ownContributionSek: number;
  volunteerHoursPerYear: number;
  ownContributionInKind: string;
  /** Null until the organisation answers; 0 is an answer. */
  requestedSekPerYear: number | null;
  requestedInKind: string;
  goals: Goal[];
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  partnerOrganisations: string;
  wantsMeeting: boolean;
}

export interface Routing {
  departmentId: ObjectId;
  officerId: ObjectId;
  coReaderDepartmentIds: ObjectId[];
  routedAt: Date;
  routedBy: ObjectId;
}

export type CheckAnswer = "yes" | "no" | "";
export interface AssessmentCheck {
  key: string;
  answer: CheckAnswer;
  comment: string;
}

/** Jäv: a declaration by whoever assesses or decides, kept on record. */
export interface ConflictDeclaration {
  userId: ObjectId;
  name: string;
  role: "assessor" | "decisionMaker";
  hasConflict: boolean;
  at: Date;
}

export interface Assessment {
  checks: AssessmentCheck[];
  stateAidBasis: string;
  /** Amounts as entered, in kronor, and in euro at the rate below (the de minimis ceiling is in euro). */
  otherDeMinimisSek: number;
  requestedSek: number;
  otherDeMinimisEur: number;
  requestedEur: number;
  sekPerEur?: number;
  rateDate?: Date;
  recommendation: "approve" | "decline" | "";
  recommendationText: string;
  savedAt?: Date;
  savedBy?: ObjectId;
}

export interface Decision {
  outcome: "approved" | "declined";
  decidedBy: "committee" | "delegation";
  decisionMakerName: string;
  delegationRef: string;
  decisionDate: Date;
  protocolRef: string;
  justification: string;
  contributionPerYearSek: number;
  recordedBy: ObjectId;
}

/** An IOP case: an idea or proposal from its first draft to its decision. */
export interface Proposal extends ProposalContent {
  publicBodyId: ObjectId;
  organisationId: ObjectId;
  createdBy: ObjectId;
  kind: CaseKind;
  status: CaseStatus;
  /** Optimistic concurrency: the number of the last case event. */
  version: number;
  caseNumber?: string;
  receivedAt?: Date;
  confidential: boolean;
  /** Staff cleared a confidential case's title and summary for the public register (OSL). */
  publicationCleared?: boolean;
  /** The proposal's sections the organisation has marked as done (proposal-sections.ts). */
  completedSections: string[];
  /** Sections saved at least once: a prefilled section is "not started" until then. */
  savedSections?: string[];
  routing?: Routing;
  conflictDeclarations: ConflictDeclaration[];
  assessment?: Assessment;
  decision?: Decision;
  /** The agreement written after approval (models/agreement.ts). */
  agreement?: AgreementState;
  lastActivityAt: Date;
  /**
   * The change a writer is about to record (set just before its event): a reader looks for
   * an unapplied event only when this is ahead of `version` (docs/decisions/009).
   */
  pendingSeq: number;
  /** Meeting invitations the organisation has not confirmed yet (kept by the dialogue's changes). */
  pendingInvitations: number;
  /** Co-organisations named in the agreement or a change to it: parties to that alone. */
  partnerOrganisationIds: ObjectId[];
  /** The organisation's latest shared change (a message, an answer, a submission): "new" for staff. */
  orgActivity?: { at: Date; type: string };
  /** Staff's latest shared change and who made it: whose turn it is ("Väntar på mig"). */
  staffActivity?: { at: Date; by: ObjectId };
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<Proposal>(
  {
    publicBodyId: { type: Schema.Types.ObjectId, required: true },
    organisationId: { type: Schema.Types.ObjectId, required: true, ref: "Organisation" },
    createdBy: { type: Schema.Types.ObjectId, required: true, ref: "User" },
    kind: { type: String, enum: CASE_KINDS, required: true },
    status: { type: String, enum: CASE_STATUSES, default: "draft" },
    version: { type: Number, default: 0 },
    caseNumber: String,
    receivedAt: Date,
    confidential: { type: Boolean, default: false },
    publicationCleared: Boolean,
    title: { type: String, default: "" },
    summary: { type: String, default: "" },
    need: { type: String, default: "" },
    targetGroup: { type: String, default: "" },
    activities: { type: String, default: "" },
    periodStart: Date,
    periodEnd: Date,
    areas: { type: [String], default: [] },
    generalInterest: { type: String, default: "" },
    municipalGoal: { type: String, default: "" },
    addedValue: { type: String, default: "" },
    ownContributionDescription: { type: String, default: "" },
    ownContributionSek: { type: Number, default: 0 },
    volunteerHoursPerYear: { type: Number, default: 0 },
    ownContributionInKind: { type: String, default: "" },
    requestedSekPerYear: { type: Number, default: null },
    requestedInKind: { type: String, default: "" },
    goals: { type: [new Schema<Goal>({ goal: String, indicator: String }, { _id: false })], default: [] },
    contactName: { type: String, default: "" },
    contactEmail: { type: String, default: "" },
    contactPhone: { type: String, default: "" },
    partnerOrganisations: { type: String, default: "" },
    wantsMeeting: { type: Boolean, default: false },
    completedSections: { type: [String], default: [] },
    savedSections: { type: [String], default: undefined },
    agreement: agreementStateSchema,
    routing: new Schema<Routing>(
      {
        departmentId: { type: Schema.Types.ObjectId, required: true, ref: "Department" },
        officerId: { type: Schema.Types.ObjectId, required: true, ref: "User" },
        coReaderDepartmentIds: { type: [Schema.Types.ObjectId], default: [] },
        routedAt: { type: Date, required: true },
        routedBy: { type: Schema.Types.ObjectId, required: true },
      },
      { _id: false },
    ),
    conflictDeclarations: {
      type: [
        new Schema<ConflictDeclaration>(
          {
            userId: { type: Schema.Types.ObjectId, required: true },
            name: String,
            role: { type: String, enum: ["assessor", "decisionMaker"] },
            hasConflict: Boolean,
            at: Date,
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    assessment: new Schema<Assessment>(
      {
        checks: {
          type: [new Schema<AssessmentCheck>({ key: String, answer: String, comment: String }, { _id: false })],
          default: [],
        },
        stateAidBasis: { type: String, default: "" },
        otherDeMinimisSek: { type: Number, default: 0 },
        requestedSek: { type: Number, default: 0 },
        otherDeMinimisEur: { type: Number, default: 0 },
        requestedEur: { type: Number, default: 0 },
        sekPerEur: Number,
        rateDate: Date,
        recommendation: { type: String, default: "" },
        recommendationText: { type: String, default: "" },
        savedAt: Date,
        savedBy: Schema.Types.ObjectId,
      },
      { _id: false },
    ),
    decision: new Schema<Decision>(
      {
        outcome: { type: String, enum: ["approved", "declined"] },
        decidedBy: { type: String, enum: ["committee", "delegation"] },
        decisionMakerName: String,
        delegationRef: String,
        decisionDate: Date,
        protocolRef: String,
        justification: String,
        contributionPerYearSek: Number,
        recordedBy: Schema.Types.ObjectId,
      },
      { _id: false },
    ),
    lastActivityAt: { type: Date, default: () => new Date() },
    pendingInvitations: { type: Number, default: 0 },
    partnerOrganisationIds: { type: [Schema.Types.ObjectId], default: [] },
    orgActivity: { at: Date, type: { type: String } },
    staffActivity: { at: Date, by: Schema.Types.ObjectId },
    pendingSeq: { type: Number, default: 0 },
  },
  baseOptions,
);
schema.index({ publicBodyId: 1, caseNumber: 1 });
schema.index({ publicBodyId: 1, organisationId: 1, updatedAt: -1 });
schema.index({ publicBodyId: 1, status: 1, receivedAt: 1 });
schema.index({ "routing.departmentId": 1 });

export const ProposalModel = defineModel("Proposal", schema);
