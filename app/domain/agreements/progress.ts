// Where an agreement stands, read from the case list's rows (read-model.server.ts): what the
// start pages list and what the reminders look at. Plain, unit-tested.
import type { AgreementRow, SigningRow } from "../cases/read-model.server";

export interface AgreementCase {
  status: string;
  agreement?: AgreementRow & { amendment?: { number: number; signing?: SigningRow } };
}

const complete = (s: SigningRow) => s.signatures.length >= s.signers.length;

/** The signing under way (of the agreement, or of a change to it), if any. */
export function signingUnderWay(c: AgreementCase): SigningRow | undefined {
  const a = c.agreement;
  const signing =
    c.status === "agreement_pending_signatures"
      ? a?.signing
      : c.status === "active"
        ? a?.amendment?.signing
        : undefined;
  return signing && !complete(signing) ? signing : undefined;
}

/** Who still has to sign (account ids). */
export const awaitingSignatureFrom = (c: AgreementCase) => {
  const s = signingUnderWay(c);
  return s
    ? s.signers
        .filter((x) => !s.signatures.some((y) => String(y.userId) === String(x.userId)))
        .map((x) => String(x.userId))
    : [];
};

/** A draft the organisation may read and comment on now (not yet out for signing). */
export const draftToComment = (c: AgreementCase) =>
  (c.status === "approved" && Boolean(c.agreement)) ||
  (c.status === "active" && Boolean(c.agreement?.amendment) && !c.agreement?.amendment?.signing);

/** Follow-up reports that wait for the officer's assessment. */
export const reportsToAssess = (c: AgreementCase) =>
  (c.agreement?.reports ?? []).filter((r) => r.status === "submitted");
