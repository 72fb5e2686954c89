import { MAX_LONG, optionalText, requiredDay, requiredText, z } from "~/domain/kernel/validation";
import { objectId } from "./organisation";

const version = z.coerce.number().int().min(0);

export const messageSchema = z.object({
  body: requiredText(MAX_LONG),
  // An optional file, checked by size and content on the server (uploads.server.ts).
  file: z.unknown().optional(),
});
export const noteSchema = z.object({ note: requiredText(MAX_LONG) });
export const meetingSchema = z.object({
  meetingDate: requiredDay,
  participants: requiredText(1000),
  minutes: requiredText(MAX_LONG),
  internalNotes: optionalText(MAX_LONG),
});
export const completionRequestSchema = z.object({ version, question: requiredText(MAX_LONG) });
export const completionAnswerSchema = z.object({ version, answer: requiredText(MAX_LONG) });
export const reassignSchema = z.object({
  version,
  departmentId: objectId,
  officerId: objectId,
  reason: requiredText(1000),
});

export const inviteMeetingSchema = z.object({
  meetingDate: requiredDay,
  meetingTime: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "dialogue.errors.time"),
  place: requiredText(300),
  message: optionalText(MAX_LONG),
});
export const confirmMeetingSchema = z.object({ messageId: objectId });
