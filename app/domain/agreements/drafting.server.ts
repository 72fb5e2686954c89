import type {
  AgreementAmendment,
  AgreementPartner,
  AgreementSection,
  AgreementState,
  AgreementTerms,
  Signer,
} from "#models/agreement";
import { DepartmentModel } from "#models/department";
import { OrganisationModel } from "#models/organisation";
import { PublicBodyModel } from "#models/public-body";
import { UserModel } from "#models/user";
import { mayOnCase } from "../access/policy";
import { relationOf } from "../access/ability.server";
import type { CaseEffect } from "../cases/effects";
import { recordChange, type CaseDoc } from "../cases/engine.server";
import { noticeEffects, staffRecipients } from "../cases/notices.server";
import { directory } from "../directory/directory.server";
import { clockNow } from "../kernel/clock";
import type { SessionUser } from "../identity/sessions.server";
import { agreementText, firstDraft, SECTION_KEYS } from "./agreement-text";
import {
  AgreementError,
  commitSigningStep,
  holdsDelegation,
  idOf,
  latestNumber,
  noticeToBoth,
  openDraft,
  partnerIdsOf,
  partyMembers,
  requireAction,
  requireActive,
  sha256,
  withDraft,
} from "./shared.server";
import { addMonthsToDay, swedishToday } from "../kernel/days";

// Writing the agreement together (docs/domain.md, "The agreement"): the first draft from the
// approved case, staff's saved versions, comments per section, sending a version for signing
// and taking it back; and, once it is in force, a change to it (renegotiation or extension)
// written the same way. Every change goes through the case's engine (one event each, 409 on a
// race); a version's text is insert-only.

const versionEffect = (
  user: SessionUser,
  number: number,
  sections: AgreementSection[],
  terms: AgreementTerms,
): CaseEffect => ({
  kind: "agreementVersion",
  version: { number, sections, ...terms, authorId: user._id, authorName: user.name },
});

const termsOf = (t: AgreementTerms): AgreementTerms => ({
  start: t.start,
  end: t.end,
  noticeMonths: t.noticeMonths,
  municipalSekPerYear: t.municipalSekPerYear,
  ...(t.partners?.length ? { partners: t.partners } : {}),
});

/** One click: the first version, made from the proposal and the decision. */
export async function createAgreementDraft(c: CaseDoc, user: SessionUser, expectedVersion: number) {
  requireAction("draftAgreement", user, c);
  if (c.status !== "approved" || c.agreement) throw new AgreementError("status");
  const [org, department, body, coDepartments] = await Promise.all([
    OrganisationModel.findById(c.organisationId).lean(),
    c.routing ? DepartmentModel.findById(c.routing.departmentId).select("name").lean() : null,
    PublicBodyModel.findById(c.publicBodyId).select("name").lean(),
    Promise.all(
      (c.routing?.coReaderDepartmentIds ?? []).map((id) => DepartmentModel.findById(id).select("name").lean()),
    ),
  ]);
  const terms: AgreementTerms = {
    start: c.periodStart,
    end: c.periodEnd,
    noticeMonths: 3,
    municipalSekPerYear: c.decision?.contributionPerYearSek ?? c.requestedSekPerYear ?? 0,
  };
  const sections = firstDraft(
    {
      publicBody: body?.name ?? "",
      department: department?.name ?? "",
      coDepartments: coDepartments.flatMap((d) => (d ? [d.name] : [])),
      organisation: {
        name: org?.name ?? "",
        orgNumber: org?.orgNumber ?? "",
        address: [org?.streetAddress, [org?.postalCode, org?.city].filter(Boolean).join(" ")]
          .filter(Boolean)
          .join(", "),
      },
      ...c,
    },
    terms,
  );
  const to = (await partyMembers(c)).map((m) => m.email);
  const { case: after } = await recordChange(
    c,
    {
      expectedVersion,
      type: "agreementDrafted",
      actor: user,
      data: { number: 1 },
      idempotencyKey: `${String(c._id)}:agreement:1`,
    },
    { agreement: { number: 1, sections, ...terms } },
    [versionEffect(user, 1, sections, terms), ...(await noticeEffects(c, "agreementDraft", to, user.name, false))],
  );
  return after;
}

export interface AgreementDraftInput extends Omit<AgreementTerms, "partners"> {
  sections: Record<string, string>;
  /** Co-organisations by organisationsnummer (formatted); each must be registered in Samverka. */
  partnerOrgNumbers?: string[];
}

/** The co-organisations named by number: registered in Samverka (nationally), never the lead organisation. */
async function partnersFor(c: CaseDoc, orgNumbers: string[]): Promise<AgreementPartner[]> {
  const { organisations } = await directory();
  return orgNumbers.map((orgNumber) => {
    const found = [...organisations].find(([id, o]) => o.orgNumber === orgNumber && id !== String(c.organisationId));
    if (!found) throw new AgreementError("partner");
    return { organisationId: idOf(found[0]), name: found[1].name, orgNumber };
  });
}

/** The open draft, if it may be edited now: not while a version of it is out for signing. */
function editableDraft(c: CaseDoc) {
  const open = openDraft(c);
  if (!open || open.draft.signing || c.status === "agreement_pending_signatures") throw new AgreementError("status");
  return open;
}

/** Staff save the text: each save that changes something is a new numbered version. */
export async function saveAgreementDraft(
  c: CaseDoc,
  user: SessionUser,
  input: AgreementDraftInput,
  expectedVersion: number,
) {
  requireAction("draftAgreement", user, c);
  // Out for signing, or in force with no change under way: the text waits.
  const { draft, amendment } = editableDraft(c);
  const sections = SECTION_KEYS.map((key) => ({ key, text: input.sections[key] ?? "" }));
  const partners = await partnersFor(c, input.partnerOrgNumbers ?? []);
  const terms = { ...termsOf(input), ...(partners.length ? { partners } : {}) };
  const same = (n: number) =>
    agreementText({ number: n, sections, ...terms }) === agreementText({ ...draft, number: n });
  if (same(draft.number)) throw new AgreementError("unchanged");
  const number = latestNumber(c.agreement!) + 1;
  const { case: after } = await recordChange(
    c,
    { expectedVersion, type: "agreementSaved", actor: user, data: { number } },
    (() => {
      const agreement = withDraft(c.agreement!, { number, sections, ...terms, partners: terms.partners }, amendment);
      return { agreement, partnerOrganisationIds: partnerIdsOf(agreement) };
    })(),
    [versionEffect(user, number, sections, terms)],
  );
  return after;
}

/** A comment on one section of the draft being written; the other side is told. */
export async function commentOnAgreement(c: CaseDoc, user: SessionUser, input: { section: string; body: string }) {
  const actor = requireAction("commentAgreement", user, c);
  const open = openDraft(c);
  if (!open) throw new AgreementError("status");
  if (!SECTION_KEYS.includes(input.section as (typeof SECTION_KEYS)[number])) throw new AgreementError("status");
  const fromOrganisation = actor === "organisation";
  const to = fromOrganisation ? await staffRecipients(c) : (await partyMembers(c)).map((m) => m.email);
  await recordChange(c, { type: "agreementComment", actor: user, data: { section: input.section } }, {}, [
    {
      kind: "agreementComment",
      key: "comment",
      comment: {
        section: input.section,
        number: open.draft.number,
        authorId: user._id,
        authorName: user.name,
        fromOrganisation,
        body: input.body,
      },
    },
    ...(await noticeEffects(c, "agreementComment", to, user.name, fromOrganisation)),
  ]);
}

/** The organisations party to the agreement, the lead first, each with how many must sign for it. */
async function partyOrganisations(c: CaseDoc) {
  const ids = [c.organisationId, ...(c.partnerOrganisationIds ?? [])];
  const orgs = await Promise.all(ids.map((id) => OrganisationModel.findById(id).select("name signingRule").lean()));
  return orgs.flatMap((o) =>
    o ? [{ id: String(o._id), name: o.name, required: o.signingRule === "jointly" ? 2 : 1 }] : [],
  );
}

/**
 * Who may be asked to sign: the parties' members (by organisation, with how many must sign for
 * each under its signing rule), and staff who may act on the case.
 */
export async function signerChoices(c: CaseDoc) {
  const [staff, members, organisations] = await Promise.all([
    UserModel.find({ "staffMemberships.publicBodyId": c.publicBodyId })
      .select("name email staffMemberships orgMemberships")
      .lean(),
    partyMembers(c),
    partyOrganisations(c),
  ]);
  // The municipality signs through whoever holds the delegation (never an administrator for
  // being one); the organisation through its registered authorised signatories.
  const municipality = staff
    .filter((u) => holdsDelegation(u, c) && mayOnCase("signAgreement", relationOf(u as unknown as SessionUser, c)))
    .map((u) => ({ id: String(u._id), name: u.name }));
  const organisation = members
    .filter((m) => m.signatory)
    .map(({ id, name, organisationId }) => ({
      id,
      name,
      organisation: organisations.find((o) => o.id === organisationId)?.name ?? "",
      organisationId,
    }));
  return { organisation, municipality, organisations };
}

/**
 * Sends the open draft's latest version for signing by the organisation's authorised
 * signatories and the municipality's delegate. The text's hash is fixed now; editing waits
 * until it is taken back.
 */
export async function sendForSigning(
  c: CaseDoc,
  user: SessionUser,
  input: { organisationSignerIds: string[]; delegateId: string },
  expectedVersion: number,
) {
  requireAction("sendForSigning", user, c);
  const { draft, amendment } = editableDraft(c);
  const choices = await signerChoices(c);
  const orgSigners = input.organisationSignerIds.map((id) => choices.organisation.find((m) => m.id === id));
  const delegate = choices.municipality.find((m) => m.id === input.delegateId);
  if (!orgSigners.length || orgSigners.some((s) => !s) || !delegate) throw new AgreementError("signers");
  // Each organisation signs as its rules say: one alone, or two jointly.
  const short = choices.organisations.some(
    (o) => orgSigners.filter((s) => s?.organisationId === o.id).length < o.required,
  );
  if (short) throw new AgreementError("signers");
  const body = await PublicBodyModel.findById(c.publicBodyId).select("name").lean();
  const signers: Signer[] = [
    ...orgSigners.flatMap((s) =>
      s
        ? [
            {
              userId: idOf(s.id),
              name: s.name,
              party: "organisation" as const,
              role: `Firmatecknare för ${s.organisation}`,
            },
          ]
        : [],
    ),
    {
      userId: idOf(delegate.id),
      name: delegate.name,
      party: "municipality",
      role: `Företrädare för ${body?.name ?? ""} enligt delegation`,
    },
  ];
  const hash = sha256(agreementText(draft));
  const emails = await UserModel.find({ _id: { $in: signers.map((s) => s.userId) } })
    .select("email")
    .lean();
  const signing = { number: draft.number, hash, sentAt: clockNow(), signers, signatures: [] };
  const { case: after } = await commitSigningStep(c, "sendForSigning", user, amendment, {
    expectedVersion,
    data: { number: draft.number },
    patch: { agreement: withDraft(c.agreement!, { ...draft, signing }, amendment) },
    effects: [
      {
        kind: "document",
        ref: `agreement-sent:${draft.number}`,
        entry: {
          direction: "outgoing",
          title: `Överenskommelse, version ${draft.number}, för underskrift`,
          sender: user.name,
        },
      },
      ...(await noticeEffects(
        c,
        "agreementToSign",
        emails.map((e) => e.email),
        user.name,
        false,
      )),
    ],
  });
  return after;
}

/** Back to drafting before everyone has signed; the signatures given lapse with the version. */
export async function reopenAgreement(c: CaseDoc, user: SessionUser, expectedVersion: number) {
  requireAction("reopenAgreement", user, c);
  const open = openDraft(c);
  if (!open?.draft.signing) throw new AgreementError("status");
  const { signing: _lapsed, ...draft } = open.draft;
  // For the agreement itself the open draft is the agreement: all of it, but the signing.
  const agreement = open.amendment
    ? { ...c.agreement!, amendment: draft as AgreementAmendment }
    : (draft as AgreementState);
  const { case: after } = await commitSigningStep(c, "reopenAgreement", user, open.amendment, {
    expectedVersion,
    patch: { agreement },
  });
  return after;
}

/**
 * Starts a change to the agreement in force: a renegotiation (the signed text, to be rewritten)
 * or an extension (the same text with a later end date). Either is a new version, written and
 * signed like the first; the signed agreement stays in force until the change is signed.
 */
export async function startAmendment(
  c: CaseDoc,
  user: SessionUser,
  input: { kind: AgreementAmendment["kind"]; reason: string; end?: Date },
  expectedVersion: number,
) {
  requireAction("amendAgreement", user, c);
  const a = requireActive(c);
  if (a.amendment || a.termination || !a.signing) throw new AgreementError("status");
  const end = input.kind === "extension" ? (input.end ?? (a.end ? addMonthsToDay(a.end, 12) : undefined)) : a.end;
  if (input.kind === "extension" && (!end || !a.end || end <= a.end)) throw new AgreementError("unchanged");
  const number = latestNumber(a) + 1;
  const lastSigned = a.signing.signatures.at(-1)?.at;
  // The Swedish date of the signature (at 00:30 in Sweden it is still yesterday in UTC).
  const signedOn = lastSigned ? swedishToday(lastSigned) : "";
  // The text says which version it replaces, so the signed change stands on its own.
  const sections = a.sections.map((s) =>
    s.key === "changes"
      ? { ...s, text: `${s.text}\n\nDenna version ersätter version ${a.signing!.number}, undertecknad ${signedOn}.` }
      : s,
  );
  const terms = { ...termsOf(a), end };
  const amendment: AgreementAmendment = {
    kind: input.kind,
    basedOn: a.signing.number,
    reason: input.reason,
    startedBy: user.name,
    startedAt: clockNow(),
    number,
    sections,
    ...terms,
  };
  const { case: after } = await recordChange(
    c,
    { expectedVersion, type: "amendmentStarted", actor: user, data: { kind: input.kind, number } },
    { agreement: { ...a, amendment } },
    [
      versionEffect(user, number, sections, terms),
      {
        kind: "document",
        ref: `amendment:${number}`,
        entry: {
          direction: "outgoing",
          title:
            input.kind === "extension"
              ? `Förslag om förlängning av överenskommelsen, version ${number}`
              : `Omförhandling av överenskommelsen, version ${number}`,
          sender: user.name,
        },
      },
      ...(await noticeToBoth(
        c,
        input.kind === "extension" ? "agreementExtension" : "agreementRenegotiation",
        user.name,
      )),
    ],
  );
  return after;
}

/** Staff drop a change that will not be signed; the agreement in force goes on unchanged. */
export async function withdrawAmendment(c: CaseDoc, user: SessionUser, expectedVersion: number) {
  requireAction("amendAgreement", user, c);
  const { amendment, ...a } = requireActive(c);
  if (!amendment) throw new AgreementError("status");
  const { case: after } = await recordChange(
    c,
    { expectedVersion, type: "amendmentWithdrawn", actor: user, data: { number: amendment.number } },
    // Its versions stay (insert-only); their numbers are not given again.
    { agreement: { ...a, lastNumber: amendment.number }, partnerOrganisationIds: partnerIdsOf(a) },
    await noticeToBoth(c, "amendmentWithdrawn", user.name),
  );
  return after;
}
