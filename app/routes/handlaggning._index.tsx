import { toAbilityUser } from "~/domain/access/ability.server";
import { mayUseInbox } from "~/domain/access/policy";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CASE_AREAS, CASE_STATUSES } from "#models/constants";
import { STAFF_WORDING, StatusBadge } from "~/components/case";
import { PageHeading } from "~/components/layout";
import { useLang } from "~/components/root-data";
import { inbox } from "~/domain/cases/inbox.server";
import { pageMeta } from "~/domain/kernel/meta";
import { requireContext } from "~/domain/http/request.server";
import { formatDate } from "~/i18n";
import { inboxQuerySchema } from "~/schemas/inbox";

export const meta = pageMeta("inbox.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { ability, publicBody, user } = await requireContext(request);
  if (!mayUseInbox(toAbilityUser(user), String(publicBody._id)))
    throw new Response("Du har inte behörighet", { status: 403 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = inboxQuerySchema.parse(params);
  return inbox(publicBody._id, ability, query);
}

type Row = Awaited<ReturnType<typeof loader>>["cases"][number];

function CaseTable({ rows, caption }: { rows: Row[]; caption: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    // On a phone the table scrolls sideways inside its own region instead of widening the page.
    <div className="table-scroll">
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
                <StatusBadge status={r.status} staff />
              </td>
              <td>{r.receivedAt ? formatDate(r.receivedAt, lang) : ""}</td>
              <td>{r.ageDays}</td>
              <td>{r.officer ? `${r.officer}, ${r.department}` : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
          <FilterSelect
            name="status"
            label={t("inbox.statusFilter")}
            any={t("inbox.anyStatus")}
            options={CASE_STATUSES.filter((v) => v !== "draft").map((v) => ({
              value: v,
              label: String(t(STAFF_WORDING.has(v) ? `cases.staffStatus.${v}` : `cases.status.${v}`)),
            }))}
          />
          <FilterSelect
            name="area"
            label={t("cases.fields.areas")}
            any={t("inbox.any")}
            options={CASE_AREAS.map((v) => ({ value: v, label: String(t(`cases.areas.${v}`)) }))}
          />
          <FilterSelect
            name="department"
            label={t("inbox.department")}
            any={t("inbox.any")}
            options={data.options.departments.map((d) => ({ value: d.id, label: d.name }))}
          />
          <FilterSelect
            name="officer"
            label={t("inbox.officer")}
            any={t("inbox.any")}
            options={data.options.officers.map((o) => ({ value: o.id, label: o.name }))}
          />
          <FilterSelect
            name="organisation"
            label={t("cases.organisation")}
            any={t("inbox.any")}
            options={data.options.organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
          <div className="field">
            <label htmlFor="inbox-olderThan" className="field__label">
              {t("inbox.olderThan")}
            </label>
            <input
              id="inbox-olderThan"
              name="olderThan"
              inputMode="numeric"
              className="input input--tiny"
              defaultValue={params.get("olderThan") ?? ""}
            />
          </div>
          <FilterSelect
            name="sort"
            label={t("inbox.sort")}
            options={(["received", "oldest", "caseNumber", "activity"] as const).map((v) => ({
              value: v,
              label: String(t(`inbox.sorts.${v}`)),
            }))}
          />
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

/** A select of the filter form that keeps its value in the address (works without JavaScript). */
function FilterSelect({
  name,
  label,
  any,
  options,
}: {
  name: string;
  label: string;
  any?: string;
  options: { value: string; label: string }[];
}) {
  const [params] = useSearchParams();
  return (
    <div className="field">
      <label htmlFor={`inbox-${name}`} className="field__label">
        {label}
      </label>
      <select id={`inbox-${name}`} name={name} className="input" defaultValue={params.get(name) ?? ""}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
