import { subject as subjectOf } from "@casl/ability";
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useAppAbility } from "~/components/ability";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { useLang } from "~/components/root-data";
import { StackedTable } from "~/components/stacked-table";
import { useSchemaForm } from "~/components/use-form";
import type { OrganisationPageData } from "~/domain/organisations/organisations.server";
import { formatDate } from "~/i18n";
import { ORG_ROLES_LIST } from "#models/constants";
import { inviteMemberSchema } from "~/schemas/organisation";
import { ErrorNotice } from "~/components/error-notice";

export type Scope = { organisationId: string; publicBodyIds: string[] };
type LoaderData = OrganisationPageData & { me: string };

/** Members, pending invitations, and (for administrators) the invitation form. */
export function MembersSection({
  members,
  invitations,
  me,
  scope,
  error,
  lastResult,
}: {
  members: NonNullable<LoaderData["members"]>;
  invitations: LoaderData["invitations"];
  me: string;
  scope: Scope;
  error: string | null;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const ability = useAppAbility();
  const mayInvite = ability.can("invite", subjectOf("Member", { ...scope }));
  const [form, fields] = useSchemaForm(inviteMemberSchema, lastResult, "invite", { role: "org_member" });
  return (
    <section aria-labelledby="org-members">
      <h2 id="org-members">{t("org.members")}</h2>
      <p>{t("org.membersLead")}</p>
      <ErrorNotice message={error} />
      <StackedTable
        caption={t("org.members")}
        rows={members}
        columns={[
          { label: t("org.table.name"), cell: (m) => (m.id === me ? `${m.name} (${String(t("org.you"))})` : m.name) },
          { label: t("org.table.email"), cell: (m) => m.email },
          { label: t("org.table.role"), cell: (m) => t(`roles.${m.role}`) },
          {
            label: t("org.table.signatory"),
            cell: (m) => (
              <>
                {m.signatory ? t("org.isSignatory") : t("org.notSignatory")}
                {mayInvite ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="setSignatory" />
                    <input type="hidden" name="userId" value={m.id} />
                    <input type="hidden" name="signatory" value={m.signatory ? "no" : "yes"} />
                    <button type="submit" className="link-button">
                      {t(m.signatory ? "org.unmakeSignatory" : "org.makeSignatory", { name: m.name })}
                    </button>
                  </Form>
                ) : null}
              </>
            ),
          },
          {
            label: t("org.table.action"),
            cell: (m) =>
              m.id === me ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="leave" />
                  <button type="submit" className="link-button">
                    {t("org.leave")}
                  </button>
                </Form>
              ) : ability.can("delete", subjectOf("Member", { ...scope, userId: m.id })) ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="removeMember" />
                  <input type="hidden" name="userId" value={m.id} />
                  <button type="submit" className="link-button link-button--danger">
                    {t("org.remove", { name: m.name })}
                  </button>
                </Form>
              ) : null,
          },
        ]}
      />
      {invitations && invitations.length > 0 ? (
        <>
          <h3>{t("org.pendingInvites")}</h3>
          <ul>
            {invitations.map((i) => (
              <li key={i.email + i.expiresAt}>
                {i.email} – {t(`roles.${i.role}`)}, {t("org.expires", { date: formatDate(i.expiresAt, lang) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {mayInvite ? (
        <div className="panel">
          <h3 id="invite-heading">{t("org.invite")}</h3>
          <p>{t("org.inviteLead")}</p>
          <Form method="post" {...getFormProps(form)} className="form" aria-labelledby="invite-heading">
            <input type="hidden" name="intent" value="invite" />
            <ErrorSummary form={form} />
            <TextField field={fields.email} label={t("auth.email")} type="email" autoComplete="off" />
            <SelectField
              field={fields.role}
              label={t("org.inviteRole")}
              options={ORG_ROLES_LIST.map((value) => ({ value, label: String(t(`roles.${value}`)) }))}
            />
            <button type="submit" className="button">
              {t("org.invite")}
            </button>
          </Form>
        </div>
      ) : null}
    </section>
  );
}
