import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CASE_STATUSES } from "#models/constants";
import { StatusBadge } from "~/components/case";
import { PageHeading } from "~/components/layout";
import { useLang } from "~/components/root-data";
import { accessibleFilter } from "~/domain/ability.server";
import { inbox } from "~/domain/inbox.server";
import { titleMeta } from "~/domain/meta";
import { requireContext } from "~/domain/request.server";
import { formatDate } from "~/i18n";
import { inboxQuerySchema } from "~/schemas/inbox";

export const meta = titleMeta("inbox.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { ability, publicBody, user } = await requireContext(request);
  const readable = accessibleFilter(ability, "read", "Case");
  const isStaff = user.staffMemberships.some((m) => m.publicBodyId.equals(publicBody._id) && m.role !== "politician");
  if (!readable || !isStaff) throw new Response("Du har inte behörighet", { status: 403 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = inboxQuerySchema.parse(params);
  return inbox(publicBody._id, readable, query);
}

type Row = Awaited<ReturnType<typeof loader>>["cases"][number];

function CaseTable({ rows, caption }: { rows: Row[]; caption: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("cases.caseNumber")}</th>
          <th scope="col">{t("cases.title")}</th>
          <th scope="col">{t("cases.organisation")}</th>
          <th scope="col">{t("cases.statusLabel")}</th>
          <th scope="col">{t("cases.received")}</th>
          <th scope="col">{t("inbox.age")}</th>
          <th scope="col">{t("cases.handledBy")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{r.caseNumber}</td>
            <td>
              <Link to={`/handlaggning/arenden/${r.id}`}>{r.title}</Link>
              <br />
              <span className="muted">{t(`cases.kindShort.${r.kind}`)}</span>
            </td>
            <td>{r.organisation}</td>
            <td>
              <StatusBadge status={r.status} />
            </td>
            <td>{r.receivedAt ? formatDate(r.receivedAt, lang) : ""}</td>
            <td>{r.ageDays}</td>
            <td>{r.officer ? `${r.officer}, ${r.department}` : "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function Inbox() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const pageLink = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `?${next}`;
  };
  return (
    <>
      <PageHeading lead={t("inbox.lead")}>{t("inbox.title")}</PageHeading>
      <section aria-labelledby="unrouted-heading">
        <h2 id="unrouted-heading">
          {t("inbox.unrouted")} ({data.unrouted.length})
        </h2>
        {data.unrouted.length ? (
          <CaseTable rows={data.unrouted} caption={t("inbox.unrouted")} />
        ) : (
          <p>{t("inbox.unroutedEmpty")}</p>
        )}
      </section>
      <section aria-labelledby="all-heading">
        <h2 id="all-heading">
          {t("inbox.all")} ({data.total})
        </h2>
        <Form method="get" className="filters" role="search">
          <div className="field">
            <label htmlFor="inbox-q" className="field__label">
              {t("inbox.searchLabel")}
            </label>
            <input id="inbox-q" name="q" type="search" className="input" defaultValue={params.get("q") ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="inbox-status" className="field__label">
              {t("inbox.statusFilter")}
            </label>
            <select id="inbox-status" name="status" className="input" defaultValue={params.get("status") ?? ""}>
              <option value="">{t("inbox.anyStatus")}</option>
              {CASE_STATUSES.filter((s) => s !== "draft").map((s) => (
                <option key={s} value={s}>
                  {t(`cases.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t("inbox.filter")}
          </button>
        </Form>
        {data.cases.length ? <CaseTable rows={data.cases} caption={t("inbox.all")} /> : <p>{t("inbox.empty")}</p>}
        {data.pages > 1 ? (
          <nav className="pagination" aria-label={t("inbox.pagination")}>
            {data.page > 1 ? <Link to={pageLink(data.page - 1)}>{t("inbox.prev")}</Link> : null}
            <span>{t("inbox.page", { page: data.page, pages: data.pages })}</span>
            {data.page < data.pages ? <Link to={pageLink(data.page + 1)}>{t("inbox.next")}</Link> : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
