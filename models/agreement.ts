import { Schema } from "mongoose";
import { AMENDMENT_KINDS } from "./constants";
import { defineModel, stableId, type ObjectId } from "./shared";

// The IOP agreement of a case (docs/domain.md, "The agreement"): its state lives on the case
// (`Proposal.agreement`, changed through the case's engine); each saved text is an immutable
// version here, and each comment of the organisation or the officer a row of its own.

export interface AgreementSection {
  key: string;
  text: string;
}

/** A co-organisation registered in Samverka, party to the agreement beside the lead organisation. */
export interface AgreementPartner {
  organisationId: ObjectId;
  name: string;
  orgNumber: string;
}

/** What the parties agree on beside the text: term, notice, the municipal contribution, co-organisations. */
export interface AgreementTerms {
  start?: Date;
  end?: Date;
  noticeMonths: number;
  municipalSekPerYear: number;
  partners?: AgreementPartner[];
}

export interface Signer {
  userId: ObjectId;
  name: string;
  party: "organisation" | "municipality";
  /** As the signer confirms it: "firmatecknare", "förvaltningschef enligt delegation" … */
  role: string;
}

export interface Signature extends Signer {
  at: Date;
  ip: string;
  /** SHA-256 of the exact text signed (agreementText). */
  hash: string;
  /** A fresh e-ID authentication the signature was made with (step-up, decision 016). */
  eid?: SignatureEid;
}

export interface SignatureEid {
  /** The provider's label when signed ("BankID"). */
  provider: string;
  authTime: Date;
  acr?: string;
  /** The keyed hash of the signer's personal identity number, never the number. */
  personalNumberHash?: string;
}

/** A version out for signing, or signed: who signs, and who has. */
export interface SigningState {
  number: number;
  hash: string;
  sentAt: Date;
  signers: Signer[];
  signatures: Signature[];
  /** The signed PDF (documents, GridFS), made with the last signature. */
  documentId?: ObjectId;
}

/** A text being written and signed: the agreement before it is in force, or a change to it. */
export interface AgreementDraft extends AgreementTerms {
  /** The number of its latest version (versions are numbered per case: 1, 2, …). */
  number: number;
  sections: AgreementSection[];
  signing?: SigningState;
}

/**
 * A change to the agreement in force: a new draft from the signed text, written and signed
 * again like the first, while the signed one stays in force until the change is signed.
 */
export interface AgreementAmendment extends AgreementDraft {
  kind: (typeof AMENDMENT_KINDS)[number];
  /** The signed version it changes. */
  basedOn: number;
  reason: string;
  startedBy: string;
  startedAt: Date;
}

/** A signed version that a later signed change replaced: kept, with its PDF. */
export interface EarlierSigning {
  number: number;
  hash: string;
  signedAt: Date;
  documentId?: ObjectId;
}

/** A joint follow-up meeting, logged by staff with its minutes. */
export interface FollowUpMeeting {
  heldOn: Date;
  participants: string;
  minutes: string;
  loggedBy: string;
}

export interface AgreementState extends AgreementDraft {
  /** A renegotiation or extension under way (only while the agreement is active). */
  amendment?: AgreementAmendment;
  earlier?: EarlierSigning[];
  meetings?: FollowUpMeeting[];
  /** The number of a dropped change's last version, when it is the case's latest. */
  lastNumber?: number;
  /** The contributions ledger of the active agreement (agreements/ledger.ts). */
  plan?: PlannedPayment[];
  payments?: Payment[];
  ownContributions?: OwnContribution[];
  /** Notice given by either party: the agreement ends on `effectiveOn` (the new end). */
  termination?: { byName: string; party: "organisation" | "municipality"; reason: string; at: Date; effectiveOn: Date };
  /** Follow-up reports, one per year of the term (agreements/follow-up.ts). */
  reports?: FollowUpReport[];
}

export const REPORT_STATUSES = ["submitted", "approved", "completionRequested"] as const;

/** The organisation's report on a year, and the officer's assessment of it. */
export interface FollowUpReport {
  year: number;
  narrative: string;
  /** How each goal went, in the organisation's words, against its indicator. */
  indicators: string;
  status: (typeof REPORT_STATUSES)[number];
  submittedBy: string;
  submittedAt: Date;
  /** Files sent with the report (documents, GridFS). */
  attachmentIds?: ObjectId[];
  assessment?: { comment: string; by: string; at: Date };
}

/** A payment of the municipal contribution as the agreement plans it. */
export interface PlannedPayment {
  date: Date;
  amountSek: number;
}

/** A payment staff recorded as made. */
export interface Payment {
  paidOn: Date;
  amountSek: number;
  reference: string;
  recordedBy: string;
}

/** What the organisation reports it contributed in a year (one report per year; a new one replaces it). */
export interface OwnContribution {
  year: number;
  moneySek: number;
  volunteerHours: number;
  inKind: string;
  reportedBy: string;
}

export interface AgreementVersion extends AgreementTerms {
  publicBodyId: ObjectId;
  caseId: ObjectId;
  number: number;
  sections: AgreementSection[];
  authorId: ObjectId;
  authorName: string;
  at: Date;
}

export const agreementVersionId = (caseId: ObjectId, number: number) =>
  stableId(`agreement-version:${String(caseId)}:${number}`);

export const sectionSchema = new Schema<AgreementSection>({ key: String, text: String }, { _id: false });
export const termFields = {
  start: Date,
  end: Date,
  noticeMonths: { type: Number, default: 3 },
  municipalSekPerYear: { type: Number, default: 0 },
  partners: {
    type: [
      new Schema<AgreementPartner>(
        { organisationId: Schema.Types.ObjectId, name: String, orgNumber: String },
        { _id: false },
      ),
    ],
    default: undefined,
  },
};

// Insert-only: a version, once written, is never updated (a signed text never changes).
const versionSchema = new Schema<AgreementVersion>(
  {
    publicBodyId: { type: Schema.Types.ObjectId, required: true },
    caseId: { type: Schema.Types.ObjectId, required: true },
    number: { type: Number, required: true },
    sections: { type: [sectionSchema], default: [] },
    ...termFields,
    authorId: { type: Schema.Types.ObjectId, required: true },
    authorName: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
versionSchema.index({ caseId: 1, number: 1 }, { unique: true });

export const AgreementVersionModel = defineModel("AgreementVersion", versionSchema);

export interface AgreementComment {
  publicBodyId: ObjectId;
  caseId: ObjectId;
  /** The section commented on, and the version the writer read. */
  section: string;
  number: number;
  authorId: ObjectId;
  authorName: string;
  fromOrganisation: boolean;
  body: string;
  at: Date;
}

const commentSchema = new Schema<AgreementComment>(
  {
    publicBodyId: { type: Schema.Types.ObjectId, required: true },
    caseId: { type: Schema.Types.ObjectId, required: true },
    section: { type: String, required: true },
    number: { type: Number, required: true },
    authorId: { type: Schema.Types.ObjectId, required: true },
    authorName: { type: String, required: true },
    fromOrganisation: { type: Boolean, required: true },
    body: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
commentSchema.index({ caseId: 1, at: 1 });

export const AgreementCommentModel = defineModel("AgreementComment", commentSchema);

const signingSchema = new Schema(
  {
    number: Number,
    hash: String,
    sentAt: Date,
    documentId: Schema.Types.ObjectId,
    signers: [
      new Schema<Signer>({ userId: Schema.Types.ObjectId, name: String, party: String, role: String }, { _id: false }),
    ],
    signatures: [
      new Schema<Signature>(
        {
          userId: Schema.Types.ObjectId,
          name: String,
          party: String,
          role: String,
          at: Date,
          ip: String,
          hash: String,
          eid: new Schema<SignatureEid>(
            { provider: String, authTime: Date, acr: String, personalNumberHash: String },
            { _id: false },
          ),
        },
        { _id: false },
      ),
    ],
  },
  { _id: false },
);

export const agreementStateSchema = new Schema<AgreementState>(
  {
    number: { type: Number, required: true },
    plan: [new Schema<PlannedPayment>({ date: Date, amountSek: Number }, { _id: false })],
    payments: [
      new Schema<Payment>({ paidOn: Date, amountSek: Number, reference: String, recordedBy: String }, { _id: false }),
    ],
    termination: new Schema(
      { byName: String, party: String, reason: String, at: Date, effectiveOn: Date },
      { _id: false },
    ),
    reports: [
      new Schema<FollowUpReport>(
        {
          year: Number,
          narrative: String,
          indicators: String,
          status: { type: String, enum: REPORT_STATUSES },
          submittedBy: String,
          submittedAt: Date,
          attachmentIds: [Schema.Types.ObjectId],
          assessment: new Schema({ comment: String, by: String, at: Date }, { _id: false }),
        },
        { _id: false },
      ),
    ],
    ownContributions: [
      new Schema<OwnContribution>(
        { year: Number, moneySek: Number, volunteerHours: Number, inKind: String, reportedBy: String },
        { _id: false },
      ),
    ],
    sections: { type: [sectionSchema], default: [] },
    ...termFields,
    signing: signingSchema,
    amendment: new Schema(
      {
        number: Number,
        sections: { type: [sectionSchema], default: undefined },
        ...termFields,
        signing: signingSchema,
        kind: { type: String, enum: AMENDMENT_KINDS },
        basedOn: Number,
        reason: String,
        startedBy: String,
        startedAt: Date,
      },
      { _id: false },
    ),
    lastNumber: Number,
    earlier: [
      new Schema<EarlierSigning>(
        { number: Number, hash: String, signedAt: Date, documentId: Schema.Types.ObjectId },
        { _id: false },
      ),
    ],
    meetings: [
      new Schema<FollowUpMeeting>(
        { heldOn: Date, participants: String, minutes: String, loggedBy: String },
        { _id: false },
      ),
    ],
  },
  { _id: false },
);
