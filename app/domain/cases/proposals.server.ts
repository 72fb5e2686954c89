import { addressOf, mailSender } from "../public-body/public-body.server";
import { Types } from "mongoose";
import type { CaseKind } from "#models/constants";
import { DepartmentModel } from "#models/department";
import { OrganisationModel } from "#models/organisation";
import { ProposalModel, type ProposalContent } from "#models/proposal";
import { PublicBodyModel } from "#models/public-body";
import { UserModel } from "#models/user";
import { deleteDocument, listCaseAttachments, storeCaseAttachment } from "../records/documents.server";
import { localeOf } from "../notifications/outbox.server";
import type { CaseEffect } from "./effects";
import { noticeEffects } from "./notices.server";
import { directory } from "../directory/directory.server";
import { missingFields } from "./proposal-content";
import {
  missingInSection,
  PROPOSAL_SECTIONS,
  SECTION_FIELDS,
  sectionReady,
  sectionStatus,
  type ProposalSection,
} from "./proposal-sections";
import {
  attachmentIdsOf,
  caseTrail,
  loadCaseById,
  deleteCaseRecord,
  recordChange,
  requireTransitionActor,
  transition,
  type CaseDoc,
} from "./engine.server";
import type { SessionUser } from "../identity/sessions.server";
import type { UploadedFile } from "../records/documents.server";
import { clockNow } from "../kernel/clock";

// Use cases of the IOP case up to routing: create, save a draft, submit (case number,
// registration, receipt), route, withdraw. Routes call these after asking the ability.

const caseUrl = async (c: CaseDoc, staff: boolean) =>
  `${await addressOf(c.publicBodyId)}${staff ? "/handlaggning/arenden/" : "/forslag/"}${String(c._id)}`;

const dateSv = (d: Date) =>
  new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "Europe/Stockholm" }).format(d);

export async function createCase(
  publicBodyId: Types.ObjectId,
  organisationId: Types.ObjectId,
  user: SessionUser,
  input: { kind: CaseKind; title: string },
) {
  const c = await ProposalModel.create({
    publicBodyId,
    organisationId,
    createdBy: user._id,
    kind: input.kind,
    title: input.title,
    status: "draft",
    contactName: user.name,
    contactEmail: user.email,
    // Filled in from the account: the contact section counts as begun once saved (proposal-sections.ts).
    savedSections: [],
  });
  const created = await recordChange(c.toObject() as CaseDoc, {
    type: "created",
    actor: user,
    data: { kind: input.kind },
  });
  return created.case;
}

export type DraftContent = Partial<ProposalContent> & { completedSections?: string[]; savedSections?: string[] };

export async function saveDraft(c: CaseDoc, user: SessionUser, content: DraftContent, expectedVersion: number) {
  const result = await recordChange(
    c,
    { expectedVersion, type: "draftSaved", actor: user, idempotencyKey: `${String(c._id)}:${c.version}:draftSaved` },
    content,
  );
  return result.case;
}

export type SectionResult = { ok: true; case: CaseDoc } | { ok: false; missing: string[] };

/**
 * Saves one section of a full proposal: only that section's fields. Marking it done needs its
 * required fields; then nothing is saved, so the organisation sees what to fill in.
 */
export async function saveSection(
  c: CaseDoc,
  user: SessionUser,
  section: ProposalSection,
  input: DraftContent & { version: number; complete: "yes" | "no" },
): Promise<SectionResult> {
  const fields: readonly string[] = SECTION_FIELDS[section];
  const content = Object.fromEntries(Object.entries(input).filter(([key]) => fields.includes(key))) as DraftContent;
  if (input.complete === "yes") {
    const missing = missingInSection(section, { ...c, ...content });
    if (missing.length) return { ok: false, missing };
  }
  const completed = new Set(c.completedSections ?? []);
  if (input.complete === "yes") completed.add(section);
  else completed.delete(section);
  const savedSections = [...new Set([...(c.savedSections ?? []), section])];
  const saved = await saveDraft(
    c,
    user,
    { ...content, completedSections: [...completed], savedSections },
    input.version,
  );
  return { ok: true, case: saved };
}

/**
 * Submits a full proposal from its check page. Every section must be done (one may have been
 * reopened in another tab meanwhile); its fields are then complete too.
 */
export async function submitProposal(c: CaseDoc, user: SessionUser, expectedVersion: number) {
  const attachments = await listCaseAttachments(c, attachmentIdsOf(await caseTrail(c)));
  const facts = { ...c, attachmentCount: attachments.length };
  const notDone = PROPOSAL_SECTIONS.filter((s) => !sectionReady(sectionStatus(s, facts)));
  if (notDone.length) return { ok: false as const, notDone };
  return submitCase(c, user, expectedVersion);
}

export type SubmitResult = { ok: true; case: CaseDoc } | { ok: false; missing: string[] };

/**
 * Submits a draft: completeness check, then the transition; a new case gets its case
 * number and registration, and every submission is entered in the document list and
 * acknowledged with a receipt (kvittens).
 */
export async function submitCase(c: CaseDoc, user: SessionUser, expectedVersion: number): Promise<SubmitResult> {
  const missing = missingFields(c.kind, c);
  if (missing.length) return { ok: false, missing };
  // The day received is written with the event, so a repair numbers the case in the same year.
  const receivedAt = c.receivedAt ?? clockNow();
  const [org, body] = await Promise.all([
    OrganisationModel.findById(c.organisationId).select("name").lean(),
    PublicBodyModel.findById(c.publicBodyId).lean(),
  ]);
  const sender = org?.name ?? "";
  const kindTitle = c.kind === "idea" ? "Idé" : "IOP-förslag";
  const effects: CaseEffect[] = [
    {
      kind: "document",
      ref: "submission:{seq}",
      entry: { direction: "incoming", title: `${kindTitle}: ${c.title}`, sender },
    },
    {
      kind: "document",
      ref: "receipt:{seq}",
      entry: { direction: "outgoing", title: "Mottagningskvittens", sender: body?.officeName ?? "" },
    },
  ];
  for (const attachment of await listCaseAttachments(c, attachmentIdsOf(await caseTrail(c)))) {
    effects.push({
      kind: "document",
      ref: `attachment:${String(attachment._id)}`,
      entry: { direction: "incoming", title: `Bilaga: ${attachment.title}`, sender, documentId: attachment._id },
    });
  }
  // A converted idea arrives already routed: its receipt names the officer, who is told.
  const handler = c.routing
    ? await Promise.all([
        UserModel.findById(c.routing.officerId).select("name email").lean(),
        DepartmentModel.findById(c.routing.departmentId).select("name").lean(),
      ])
    : null;
  const kindLabels = {
    sv: { idea: "er idé", proposal: "ert förslag" },
    en: { idea: "your idea", proposal: "your proposal" },
  };
  for (const to of [...new Set([user.email, c.contactEmail].filter(Boolean))]) {
    const locale = await localeOf(to);
    const common = {
      locale,
      caseNumber: "",
      title: c.title,
      kindLabel: kindLabels[locale][c.kind],
      organisation: sender,
      publicBody: body?.name ?? "",
      date: dateSv(handler ? clockNow() : receivedAt),
      days: String(body?.unroutedReminderDays ?? 3),
      url: await caseUrl(c, false),
      sender: await mailSender(c.publicBodyId),
    };
    effects.push({
      kind: "email",
      key: `receipt:${String(c._id)}:{seq}:${to}`,
      to,
      email: handler
        ? { template: "receiptRouted", ...common, officer: handler[0]?.name ?? "", department: handler[1]?.name ?? "" }
        : { template: "receipt", ...common },
    });
  }
  effects.push(
    ...(handler
      ? await noticeEffects(c, "proposalArrived", [handler[0]?.email ?? ""], sender, true)
      : await noticeEffects(c, "newCase", [body?.officeEmail ?? ""], sender, true)),
  );
  const { case: current } = await transition(c, "submit", user, {
    expectedVersion,
    data: { kind: c.kind },
    patch: { receivedAt },
    effects,
  });
  return { ok: true, case: current };
}

/** Departments whose areas match the case's areas, best match first (routing suggestion). */
export async function suggestDepartments(c: CaseDoc) {
  const { departments } = await directory();
  const score = (areas: string[]) => areas.filter((a) => c.areas.includes(a)).length;
  return departments
    .filter((d) => d.publicBodyId.equals(c.publicBodyId))
    .sort((a, b) => score(b.areas) - score(a.areas));
}

interface StaffUser {
  _id: Types.ObjectId | string;
  name: string;
  email: string;
  staffMemberships: { publicBodyId: Types.ObjectId; role: string; departmentIds: Types.ObjectId[] }[];
}

/** Officers and coordinators of the public body among `users`, by name, with their departments. */
function officersAmong(users: StaffUser[], publicBodyId: Types.ObjectId) {
  return users
    .map((u) => ({ user: u, m: u.staffMemberships.find((s) => s.publicBodyId.equals(publicBodyId)) }))
    .filter((x) => x.m && (x.m.role === "officer" || x.m.role === "coordinator"))
    .map((x) => ({
      id: String(x.user._id),
      name: x.user.name,
      email: x.user.email,
      role: x.m?.role ?? "officer",
      departmentIds: (x.m?.departmentIds ?? []).map(String),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

/** Officers of the public body as stored now (what a routing is checked against). */
export async function listOfficers(publicBodyId: Types.ObjectId) {
  const users = await UserModel.find({ "staffMemberships.publicBodyId": publicBodyId })
    .select("name email staffMemberships")
    .lean();
  return officersAmong(users, publicBodyId);
}

/** Officers of the public body from the cached directory (the routing form's options). */
export async function officerChoices(publicBodyId: Types.ObjectId) {
  const { staff } = await directory();
  return officersAmong(
    [...staff].map(([id, u]) => ({ _id: id, ...u })),
    publicBodyId,
  );
}

export class RoutingError extends Error {}

/**
 * The department and officer a case is routed to: the officer must work in that department
 * (a coordinator only where the office itself is the department), else RoutingError.
 */
export async function responsibleFor(c: CaseDoc, input: { departmentId: string; officerId: string }) {
  const [department, officers] = await Promise.all([
    DepartmentModel.findOne({ _id: input.departmentId, publicBodyId: c.publicBodyId }).lean(),
    listOfficers(c.publicBodyId),
  ]);
  const officer = officers.find((o) => o.id === input.officerId);
  if (!department) throw new RoutingError("departmentId");
  if (!officer?.departmentIds.includes(input.departmentId)) throw new RoutingError("officerId");
  return { department, officer };
}

/** Routes a submitted case to one responsible department and officer, and tells both sides. */
export async function routeCase(
  c: CaseDoc,
  user: SessionUser,
  input: { departmentId: string; officerId: string; coReaderDepartmentIds: string[]; expectedVersion: number },
) {
  const { department, officer } = await responsibleFor(c, input);
  const coReaders = input.coReaderDepartmentIds.filter((id) => id !== input.departmentId);
  const known = await DepartmentModel.countDocuments({ _id: { $in: coReaders }, publicBodyId: c.publicBodyId });
  if (known !== coReaders.length) throw new RoutingError("coReaderDepartmentIds");
  const routing = {
    departmentId: department._id,
    officerId: new Types.ObjectId(officer.id),
    coReaderDepartmentIds: coReaders.map((id) => new Types.ObjectId(id)),
    routedAt: clockNow(),
    routedBy: user._id,
  };
  const [org, sender] = await Promise.all([
    OrganisationModel.findById(c.organisationId).select("name").lean(),
    mailSender(c.publicBodyId),
  ]);
  const common = { caseNumber: c.caseNumber ?? "", title: c.title, department: department.name, sender };
  const effects: CaseEffect[] = [
    {
      kind: "email",
      key: `routed-officer:${String(c._id)}:{seq}`,
      to: officer.email,
      email: {
        template: "routedOfficer",
        locale: await localeOf(officer.email),
        ...common,
        organisation: org?.name ?? "",
        url: await caseUrl(c, true),
      },
    },
  ];
  for (const to of [...new Set([c.contactEmail].filter(Boolean))]) {
    effects.push({
      kind: "email",
      key: `routed-org:${String(c._id)}:{seq}:${to}`,
      to,
      email: {
        template: "routedOrg",
        locale: await localeOf(to),
        ...common,
        officer: officer.name,
        officerEmail: officer.email,
        url: await caseUrl(c, false),
      },
    });
  }
  const { case: after } = await transition(c, "route", user, {
    expectedVersion: input.expectedVersion,
    patch: { routing },
    data: { department: department.name, officer: officer.name },
    effects,
  });
  return after;
}

/**
 * Withdraws a registered case (it stays on record, docs/domain.md) or deletes a draft that was
 * never sent: a draft is not a record of the municipality. `null` when the draft is gone.
 */
export async function withdrawCase(c: CaseDoc, user: SessionUser, expectedVersion: number) {
  if (c.status === "draft") {
    requireTransitionActor("withdraw", user, c);
    // The event is the lock: a submission at the same moment either wins or is refused.
    await recordChange(c, { expectedVersion, type: "draftDeleted", actor: user, shared: false });
    const trail = await caseTrail({ ...c, version: c.version + 1 });
    for (const doc of await listCaseAttachments(c, attachmentIdsOf(trail))) await deleteDocument(doc);
    await deleteCaseRecord(c, c.version + 1);
    return null;
  }
  const { case: after } = await transition(c, "withdraw", user, { expectedVersion });
  return after;
}

export { loadCaseById };

/** Attaches a checked file to the case; once the case is registered it enters the document list. */
export async function attachToCase(c: CaseDoc, user: SessionUser, title: string, file: UploadedFile) {
  const doc = await storeCaseAttachment(c, user._id, title, file);
  // Before registration the attachment waits for the submission, which lists it then.
  const org = c.caseNumber ? await OrganisationModel.findById(c.organisationId).select("name").lean() : null;
  const effects: CaseEffect[] = c.caseNumber
    ? [
        {
          kind: "document",
          ref: `attachment:${String(doc._id)}`,
          entry: { direction: "incoming", title: `Bilaga: ${title}`, sender: org?.name ?? "", documentId: doc._id },
        },
      ]
    : [];
  const { case: after } = await recordChange(
    c,
    { type: "attachmentAdded", actor: user, data: { title, documentId: doc._id } },
    {},
    effects,
  );
  return after;
}
