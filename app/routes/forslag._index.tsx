import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { Types } from "mongoose";
import { useTranslation } from "react-i18next";
import { CaseMessageModel } from "#models/case-message";
import { DepartmentModel } from "#models/department";
import { OrganisationModel } from "#models/organisation";
import { ProposalModel } from "#models/proposal";
import { UserModel } from "#models/user";
import { StatusBadge } from "~/components/case";
import { PageHeading } from "~/components/layout";
import { useLang } from "~/components/root-data";
import { accessibleFilter } from "~/domain/ability.server";
import { titleMeta } from "~/domain/meta";
import { requireContext } from "~/domain/request.server";
import { formatDate } from "~/i18n";

export const meta = titleMeta("cases.listTitle");

/** The organisation's view: its ideas and cases, who handles them and what happens next. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, ability, publicBody } = await requireContext(request);
  const orgIds = user.orgMemberships.filter((m) => m.publicBodyId.equals(publicBody._id)).map((m) => m.organisationId);
  const filter = accessibleFilter(ability, "read", "Case");
  const cases =
    filter && orgIds.length
      ? await ProposalModel.find({ $and: [filter, { publicBodyId: publicBody._id, organisationId: { $in: orgIds } }] })
          .select("title kind status caseNumber receivedAt organisationId routing updatedAt")
          .sort({ updatedAt: -1 })
          .limit(200)
          .lean()
      : [];
  const [orgs, officers, departments, invites] = await Promise.all([
    OrganisationModel.find({ _id: { $in: orgIds } })
      .select("name")
      .lean(),
    UserModel.find({ _id: { $in: cases.flatMap((c) => (c.routing ? [c.routing.officerId] : [])) } })
      .select("name email")
      .lean(),
    DepartmentModel.find({ publicBodyId: publicBody._id }).select("name").lean(),
    CaseMessageModel.find({
      caseId: { $in: cases.map((c) => c._id) },
      kind: "meetingInvite",
      confirmedAt: { $exists: false },
    })
      .select("caseId")
      .lean(),
  ]);
  const nameOf = <T extends { _id: Types.ObjectId }>(list: T[], id: Types.ObjectId) =>
    list.find((x) => x._id.equals(id));
  return {
    hasOrganisation: orgIds.length > 0,
    cases: cases.map((c) => ({
      id: String(c._id),
      title: c.title,
      kind: c.kind,
      status: c.status,
      caseNumber: c.caseNumber ?? null,
      receivedAt: c.receivedAt?.toISOString() ?? null,
      organisation: nameOf(orgs, c.organisationId)?.name ?? "",
      officer: c.routing ? (nameOf(officers, c.routing.officerId)?.name ?? "") : null,
      officerEmail: c.routing ? (nameOf(officers, c.routing.officerId)?.email ?? "") : null,
      department: c.routing ? (nameOf(departments, c.routing.departmentId)?.name ?? "") : null,
      meetingToConfirm: invites.some((i) => i.caseId.equals(c._id)),
    })),
  };
}

export default function Proposals() {
  const { t } = useTranslation();
  const lang = useLang();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading lead={t("cases.listLead")}>{t("cases.listTitle")}</PageHeading>
      {data.hasOrganisation ? (
        <p>
          <Link to="/forslag/ny" className="button">
            {t("cases.new")}
          </Link>
        </p>
      ) : (
        <p className="notice notice--warning">
          {t("cases.needsOrganisation")} <Link to="/organisation">{t("org.listTitle")}</Link>
        </p>
      )}
      {data.cases.length === 0 ? (
        <p>{t("cases.listEmpty")}</p>
      ) : (
        <ul className="org-list">
          {data.cases.map((c) => (
            <li key={c.id}>
              <Link to={`/forslag/${c.id}`} className="org-list__name">
                {c.title}
              </Link>
              <span className="org-list__meta">
                {t(`cases.kindShort.${c.kind}`)} · {c.organisation}
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
