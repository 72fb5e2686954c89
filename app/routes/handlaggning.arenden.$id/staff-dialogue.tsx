import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { CaseActionForm, MessageForm } from "~/components/dialogue";
import { CollapsiblePanel } from "~/components/layout";
import { completionRequestSchema, inviteMeetingSchema, meetingSchema, noteSchema } from "~/schemas/dialogue";

type ResultFor = (form: string) => SubmissionResult<string[]> | undefined;

/** What staff can write while the dialogue is open: a message, an internal note, meetings. */
export function StaffDialogueForms({ version, resultFor }: { version: number; resultFor: ResultFor }) {
  const { t } = useTranslation();
  const dateField = {
    name: "meetingDate",
    label: t("dialogue.fields.meetingDate"),
    hint: t("cases.hints.date"),
    kind: "short",
  } as const;
  return (
    <>
      <MessageForm version={version} headingKey="dialogue.writeToOrg" lastResult={resultFor("message")} />
      <section className="panel panel--internal" aria-labelledby="note-heading">
        <h3 id="note-heading">{t("dialogue.noteHeading")}</h3>
        <p>{t("dialogue.noteLead")}</p>
        <CaseActionForm
          key={version}
          id="note"
          schema={noteSchema}
          intent="note"
          fields={[{ name: "note", label: t("dialogue.fields.note") }]}
          submitLabel={t("dialogue.saveNote")}
          lastResult={resultFor("note")}
          secondary
        />
      </section>
      <CollapsiblePanel open={Boolean(resultFor("invite"))} title={t("dialogue.inviteHeading")}>
        <CaseActionForm
          key={version}
          id="invite"
          schema={inviteMeetingSchema}
          intent="inviteMeeting"
          fields={[
            dateField,
            { name: "meetingTime", label: t("dialogue.fields.meetingTime"), hint: "TT:MM", kind: "short" },
            { name: "place", label: t("dialogue.fields.place"), kind: "text" },
            { name: "message", label: t("dialogue.fields.message"), optional: true },
          ]}
          submitLabel={t("dialogue.invite")}
          lastResult={resultFor("invite")}
          secondary
        />
      </CollapsiblePanel>
      <CollapsiblePanel open={Boolean(resultFor("meeting"))} title={t("dialogue.meetingHeading")}>
        <CaseActionForm
          key={version}
          id="meeting"
          schema={meetingSchema}
          intent="meeting"
          fields={[
            dateField,
            { name: "participants", label: t("dialogue.fields.participants"), kind: "text" },
            { name: "minutes", label: t("dialogue.fields.minutes") },
            { name: "internalNotes", label: t("dialogue.fields.internalNotes"), optional: true },
          ]}
          submitLabel={t("dialogue.saveMeeting")}
          lastResult={resultFor("meeting")}
          secondary
        />
      </CollapsiblePanel>
    </>
  );
}

/** Ask the organisation to complete the case (the case waits for their answer). */
export function CompletionPanel({
  version,
  lastResult,
}: {
  version: number;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  return (
    <CollapsiblePanel open={Boolean(lastResult)} title={t("dialogue.completionHeading")}>
      <p>{t("dialogue.completionLead")}</p>
      <CaseActionForm
        key={version}
        id="completion"
        schema={completionRequestSchema}
        intent="requestCompletion"
        version={version}
        fields={[{ name: "question", label: t("dialogue.fields.question") }]}
        submitLabel={t("dialogue.requestCompletion")}
        lastResult={lastResult}
        secondary
      />
    </CollapsiblePanel>
  );
}
