// The IOP agreement's use cases (docs/domain.md, "The agreement"), one module per stage:
// writing it together and changing it (drafting), signing, living with it (follow-up), its end,
// and what its page shows.
export { AgreementError, type AgreementRefusal } from "./shared.server";
export {
  commentOnAgreement,
  createAgreementDraft,
  reopenAgreement,
  saveAgreementDraft,
  sendForSigning,
  signerChoices,
  startAmendment,
  withdrawAmendment,
  type AgreementDraftInput,
} from "./drafting.server";
export { seenVersionOf, signAgreement, signingKey, stepUpFor } from "./signing.server";
export { assessReport, logFollowUpMeeting, recordPayment, submitReport } from "./follow-up.server";
export { endDueAgreements, terminateAgreement } from "./ending.server";
export {
  agreementDiff,
  agreementPage,
  agreementView,
  signedAgreementDocument,
  type AgreementView,
} from "./view.server";
