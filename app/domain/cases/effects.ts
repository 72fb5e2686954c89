import type { Types } from "mongoose";
import type { CaseDocument } from "#models/case-document";
import type { CaseMessage } from "#models/case-message";
import type { AgreementComment, AgreementVersion } from "#models/agreement";
import type { EmailTemplate } from "#emails/templates";

/**
 * What a change of a case causes besides the case's own fields. Effects are written into the
 * change's event together with the patch, and applied exactly once by the writer or, after a
 * crash, by whoever reads the case next (docs/decisions/008). Keys may hold `{seq}`, filled
 * with the event's number when applied, so each change gets its own entries and emails.
 */
export type CaseEffect =
  | {
      kind: "document";
      ref: string;
      entry: Pick<CaseDocument, "direction" | "title" | "sender"> &
        Partial<Pick<CaseDocument, "confidential" | "documentId">>;
    }
  | {
      kind: "message";
      key: string;
      message: Pick<CaseMessage, "kind" | "authorId" | "authorName" | "fromOrganisation"> &
        Partial<
          Pick<CaseMessage, "body" | "internalBody" | "meetingDate" | "participants" | "meetingTime" | "place">
        > & {
          documentId?: Types.ObjectId;
        };
    }
  /** `caseNumber` is filled in when applied: a first submission gets its number in the same change. */
  | { kind: "email"; key: string; to: string; email: EmailTemplate; attachmentId?: Types.ObjectId }
  | { kind: "confirmInvitation"; messageId: Types.ObjectId }
  /** A new version of the agreement's text (insert-only: a version never changes). */
  | { kind: "agreementVersion"; version: Omit<AgreementVersion, "publicBodyId" | "caseId" | "at"> }
  | { kind: "agreementComment"; key: string; comment: Omit<AgreementComment, "publicBodyId" | "caseId" | "at"> }
  /** The overview's counters: what the case added before the change (the after is the case then). */
  | { kind: "statistics"; before: Record<string, number> };

export const withSeq = (key: string, seq: number) => key.replaceAll("{seq}", String(seq));
