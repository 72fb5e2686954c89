import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/case";
import { PageHeading } from "~/components/layout";
import { htmlOnly } from "~/components/page-handle";
import { useLang } from "~/components/root-data";
import { organisationCases } from "~/domain/casework/inbox.server";
import { pageMeta } from "~/http/meta";
import { requireContext } from "~/http/request.server";
import { formatDate } from "~/i18n";

export const handle = htmlOnly;
export const meta = pageMeta("cases.listTitle");

/** The organisation's view: its ideas and cases, who handles them and what happens next. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, ability, publicBody } = await requireContext(request);
  // Their organisations' cases in every public body (decision 029), each marked with its body.
  const orgIds = user.orgMemberships.map((m) => m.organisationId);
  return {
    hasOrganisation: orgIds.length > 0,
    cases: await organisationCases(orgIds, ability, publicBody._id),
  };
}

export default function Proposals() {
  const { t } = useTranslation();
  const lang = useLang();
  const data = useLoaderData<typeof loader>();
  // The organisations' cases in every body they work with, each body named when there are several.
  const bodies = new Set(data.cases.map((c) => c.publicBody.name));
  return (
    <>
      <PageHeading lead={t("cases.listLead")}>{t("cases.listTitle")}</PageHeading>
      {data.hasOrganisation ? (
        <p>
          <AppLink to="/forslag/ny" className="button">
            {t("cases.new")}
          </AppLink>
        </p>
      ) : (
        <p className="notice notice--warning">
          {t("cases.needsOrganisation")} <AppLink to="/organisation">{t("org.listTitle")}</AppLink>
        </p>
      )}
      {data.cases.length === 0 ? (
        <p>{t("cases.listEmpty")}</p>
      ) : (
        <ul className="org-list">
          {data.cases.map((c) => (
            <li key={c.id}>
              <AppLink to={`${c.publicBody.url ?? ""}/forslag/${c.id}`} className="org-list__name">
                {c.title}
              </AppLink>
              <span className="org-list__meta">
                {t(`cases.kindShort.${c.kind}`)} · {c.organisation}
                {bodies.size > 1 ? ` · ${c.publicBody.name}` : ""}
                {c.caseNumber ? ` · ${c.caseNumber}` : ""}
                {c.receivedAt ? ` · ${t("cases.received")} ${formatDate(c.receivedAt, lang)}` : ""}
              </span>
              <span>
                <StatusBadge status={c.status} />{" "}
                {c.officer ? `${t("cases.handledBy")}: ${c.officer}, ${c.department} (${c.officerEmail})` : null}
              </span>
              {c.meetingToConfirm ? (
                <strong className="task">
                  {t("dialogue.tasks")}: {t("dialogue.taskConfirmShort")}
                </strong>
              ) : null}
              {c.status === "awaiting_completion" ? (
                <strong className="task">
                  {t("dialogue.tasks")}: {t("dialogue.taskAnswer")}
                </strong>
              ) : (
                <span className="muted">{t(`cases.next.${c.status}`)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
