import { Types } from "mongoose";
import { CaseMessageModel, type MessageKind } from "#models/case-message";
import { DIALOGUE_STATUSES, isIn } from "./lifecycle";
import { mayOnCase, type CaseRelation } from "../access/policy";
import type { CaseEffect } from "./effects";
import { noticeEffects, staffRecipients } from "./notices.server";
import { caseTrail, keptForCaseVersion, messageIdsOf, recordChange, transition, type CaseDoc } from "./engine.server";
import { responsibleFor } from "./proposals.server";
import { storeCaseAttachment } from "../records/documents.server";
import type { SessionUser } from "../identity/sessions.server";
import type { UploadedFile } from "../records/documents.server";
import { clockNow } from "../kernel/clock";
import { dayOf } from "../kernel/days";

// The dialogue of a case: messages, internal notes, meetings, completion requests and
// answers, reassignment and turning an idea into a proposal. Internal text never leaves
// staff: it is stored apart (`internalBody`, kind "internal") and no email carries any text.

/** A dialogue entry written as an effect of the change that records it. */
const message = (
  user: SessionUser,
  fromOrganisation: boolean,
  kind: MessageKind,
  fields: Omit<
    Extract<CaseEffect, { kind: "message" }>["message"],
    "kind" | "authorId" | "authorName" | "fromOrganisation"
  >,
): CaseEffect => ({
  kind: "message",
  key: kind,
  message: { kind, authorId: user._id, authorName: user.name, fromOrganisation, ...fields },
});

const documentEntry = (ref: string, entry: Extract<CaseEffect, { kind: "document" }>["entry"]): CaseEffect => ({
  kind: "document",
  ref,
  entry,
});

export class DialogueError extends Error {}

/** A message to the other side, or (staff only) an internal note. */
export async function postMessage(
  c: CaseDoc,
  user: SessionUser,
  actor: CaseRelation,
  input: { body: string; internal: boolean; file?: UploadedFile | null },
) {
  if (!mayOnCase(input.internal ? "internalNote" : "message", actor)) throw new DialogueError("actor");
  if (c.status === "draft") throw new DialogueError("status");
  const type = input.internal ? "internalNote" : "message";
  if (input.internal) {
    await recordChange(c, { type, actor: user, shared: false }, {}, [
      message(user, false, "internal", { internalBody: input.body }),
    ]);
    return;
  }
  const fromOrganisation = actor === "organisation";
  // The file is stored first; the message that refers to it is written with the change.
  const doc = input.file ? await storeCaseAttachment(c, user._id, input.file.name, input.file) : null;
  const direction = fromOrganisation ? "incoming" : "outgoing";
  const to = fromOrganisation ? await staffRecipients(c) : [c.contactEmail];
  await recordChange(c, { type, actor: user }, {}, [
    message(user, fromOrganisation, "message", { body: input.body, documentId: doc?._id }),
    ...(doc
      ? [
          documentEntry(`attachment:${String(doc._id)}`, {
            direction,
            title: `Bilaga: ${doc.filename}`,
            sender: user.name,
            documentId: doc._id,
          }),
        ]
      : []),
    documentEntry("message:{seq}", { direction, title: "Meddelande i dialogen", sender: user.name }),
    ...(await noticeEffects(c, "message", to, user.name, fromOrganisation)),
  ]);
}

export async function logMeeting(
  c: CaseDoc,
  user: SessionUser,
  actor: CaseRelation,
  input: { meetingDate: Date; participants: string; minutes: string; internalNotes: string },
) {
  if (!mayOnCase("meeting", actor)) throw new DialogueError("actor");
  if (c.status === "draft") throw new DialogueError("status");
  const date = dayOf(input.meetingDate);
  await recordChange(c, { type: "meeting", actor: user, data: { date } }, {}, [
    message(user, false, "meeting", {
      body: input.minutes,
      internalBody: input.internalNotes,
      meetingDate: input.meetingDate,
      participants: input.participants,
    }),
    documentEntry("meeting:{seq}", {
      direction: "outgoing",
      title: `Minnesanteckningar, dialogmöte ${date}`,
      sender: user.name,
    }),
    ...(await noticeEffects(c, "meeting", [c.contactEmail], user.name, false)),
  ]);
}

/** Invites the organisation to a dialogue meeting; they confirm it in Samverka. */
export async function inviteToMeeting(
  c: CaseDoc,
  user: SessionUser,
  actor: CaseRelation,
  input: { meetingDate: Date; meetingTime: string; place: string; message: string },
) {
  if (!mayOnCase("meeting", actor)) throw new DialogueError("actor");
  if (!isIn(DIALOGUE_STATUSES, c.status)) throw new DialogueError("status");
  const date = dayOf(input.meetingDate);
  const pendingInvitations = (c.pendingInvitations ?? 0) + 1;
  await recordChange(c, { type: "meetingInvited", actor: user, data: { date } }, { pendingInvitations }, [
    message(user, false, "meetingInvite", {
      body: input.message,
      meetingDate: input.meetingDate,
      meetingTime: input.meetingTime,
      place: input.place,
    }),
    ...(await noticeEffects(c, "meetingInvite", [c.contactEmail], user.name, false)),
  ]);
}

/** The organisation confirms an invitation; the officer is told. */
export async function confirmMeeting(c: CaseDoc, user: SessionUser, actor: CaseRelation, messageId: string) {
  if (!mayOnCase("confirmMeeting", actor)) throw new DialogueError("actor");
  // An invitation of another case is not there for this person at all (404), not a conflict.
  if (!Types.ObjectId.isValid(messageId)) throw new DialogueError("notFound");
  const invite = await CaseMessageModel.findOne({
    _id: messageId,
    publicBodyId: c.publicBodyId,
    caseId: c._id,
    kind: "meetingInvite",
  }).lean();
  if (!invite) throw new DialogueError("notFound");
  if (invite.confirmedAt) throw new DialogueError("status");
  const date = invite.meetingDate ? dayOf(invite.meetingDate) : "";
  const pendingInvitations = Math.max(0, (c.pendingInvitations ?? 0) - 1);
  await recordChange(c, { type: "meetingConfirmed", actor: user, data: { date } }, { pendingInvitations }, [
    { kind: "confirmInvitation", messageId: invite._id },
    ...(await noticeEffects(c, "meetingConfirmed", await staffRecipients(c), user.name, true)),
  ]);
}

export async function requestCompletion(c: CaseDoc, user: SessionUser, question: string, expectedVersion: number) {
  const { case: after } = await transition(c, "requestCompletion", user, {
    expectedVersion,
    effects: [
      message(user, false, "completionRequest", { body: question }),
      documentEntry("completion:{seq}", {
        direction: "outgoing",
        title: "Begäran om komplettering",
        sender: user.name,
      }),
      ...(await noticeEffects(c, "completionRequest", [c.contactEmail], user.name, false)),
    ],
  });
  return after;
}

export async function answerCompletion(c: CaseDoc, user: SessionUser, answer: string, expectedVersion: number) {
  const { case: after } = await transition(c, "answerCompletion", user, {
    expectedVersion,
    effects: [
      message(user, true, "completionAnswer", { body: answer }),
      documentEntry("answer:{seq}", { direction: "incoming", title: "Komplettering", sender: user.name }),
      ...(await noticeEffects(c, "completionAnswer", await staffRecipients(c), user.name, true)),
    ],
  });
  return after;
}

/** Gives the case to another department and officer; the reason is on record. */
export async function reassignCase(
  c: CaseDoc,
  user: SessionUser,
  input: { departmentId: string; officerId: string; reason: string; expectedVersion: number },
) {
  const { department, officer } = await responsibleFor(c, input);
  const routing = {
    departmentId: department._id,
    officerId: new Types.ObjectId(officer.id),
    coReaderDepartmentIds: c.routing?.coReaderDepartmentIds ?? [],
    routedAt: clockNow(),
    routedBy: user._id,
  };
  const { case: after } = await transition(c, "reassign", user, {
    expectedVersion: input.expectedVersion,
    patch: { routing },
    data: { reason: input.reason, officer: officer.name, department: department.name },
    effects: [
      ...(await noticeEffects(c, "reassigned", [officer.email], officer.name, true)),
      ...(await noticeEffects(c, "reassigned", [c.contactEmail], officer.name, false)),
    ],
  });
  return after;
}

/** Turns a routed idea into a proposal draft: same case number, routing and history. */
export async function convertToProposal(c: CaseDoc, user: SessionUser, expectedVersion: number) {
  const { case: after } = await transition(c, "convertToProposal", user, {
    expectedVersion,
    patch: { kind: "proposal" },
  });
  return after;
}

/** The dialogue as the reader may see it: the organisation never gets internal text. */
export async function listDialogue(
  c: Pick<CaseDoc, "_id" | "version" | "publicBodyId">,
  { staff }: { staff: boolean },
) {
  // Each message's id follows from the change that wrote it, so the dialogue is read by `_id`.
  const ids = messageIdsOf(c, await caseTrail(c));
  const all = await keptForCaseVersion(c, "messages", async () => {
    const found = await Promise.all(
      ids.map((id) => CaseMessageModel.findOne({ _id: id, publicBodyId: c.publicBodyId }).lean()),
    );
    const value = found.flatMap((m) => (m && m.caseId.equals(c._id) ? [m] : []));
    return { value, complete: value.length === ids.length };
  });
  const messages = all.filter((m) => staff || m.kind !== "internal");
  return messages.map((m) => ({
    id: String(m._id),
    kind: m.kind,
    authorName: m.authorName,
    fromOrganisation: m.fromOrganisation,
    body: m.body,
    internalBody: staff ? m.internalBody : "",
    meetingDate: m.meetingDate ? dayOf(m.meetingDate) : null,
    participants: m.participants,
    meetingTime: m.meetingTime ?? "",
    place: m.place ?? "",
    confirmed: Boolean(m.confirmedAt),
    attachmentHref: m.documentId ? `/forslag/${String(c._id)}/bilagor/${String(m.documentId)}` : null,
    at: m.createdAt.toISOString(),
  }));
}

/**
 * Marks whether parts of the case may be confidential (OSL), part of the registration record,
 * and whether staff have cleared its title and summary for the public register (a case marked
 * confidential shows nothing beyond its number, organisation and status there until then).
 */
export async function setConfidential(
  c: CaseDoc,
  user: SessionUser,
  actor: CaseRelation,
  input: { confidential: boolean; publicationCleared: boolean },
) {
  if (!mayOnCase("setConfidential", actor)) throw new DialogueError("actor");
  const publicationCleared = input.confidential && input.publicationCleared;
  if (c.confidential === input.confidential && Boolean(c.publicationCleared) === publicationCleared) return c;
  const { case: after } = await recordChange(
    c,
    {
      type: "confidentialityChanged",
      actor: user,
      shared: false,
      data: { confidential: input.confidential, publicationCleared },
    },
    { confidential: input.confidential, publicationCleared },
  );
  return after;
}
