import { toAbilityUser } from "~/domain/access/ability.server";
import { mayUseInbox } from "~/domain/access/policy";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { CASE_AREAS, CASE_STATUSES } from "#models/constants";
import { StatusBadge } from "~/components/case";
import { statusKey } from "~/domain/lifecycle/statuses";
import { PageHeading } from "~/components/layout";
import { htmlOnly } from "~/components/page-handle";
import { FilterSelect, SearchField } from "~/components/filters";
import { Pagination } from "~/components/pagination";
import { StackedTable } from "~/components/stacked-table";
import { useLang } from "~/components/root-data";
import { inbox } from "~/domain/casework/inbox.server";
import { pageMeta } from "~/http/meta";
import { requireContext, requireStaffPage } from "~/http/request.server";
import { formatDate } from "~/i18n";
import { inboxQuerySchema } from "~/schemas/inbox";

export const handle = htmlOnly;
export const meta = pageMeta("inbox.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireContext(request);
  const { ability, publicBody, user } = ctx;
  requireStaffPage(ctx, mayUseInbox(toAbilityUser(user), String(publicBody._id)));
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = inboxQuerySchema.parse(params);
  return inbox(publicBody._id, ability, query);
}

type Row = Awaited<ReturnType<typeof loader>>["cases"][number];

function CaseTable({ rows, caption }: { rows: Row[]; caption: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <StackedTable
      caption={caption}
      rows={rows}
      columns={[
        { label: t("cases.caseNumber"), cell: (r) => r.caseNumber },
        {
          label: t("cases.title"),
          cell: (r) => (
            <>
              <AppLink to={`/handlaggning/arenden/${r.id}`}>{r.title}</AppLink>
              <br />
              <span className="muted">{t(`cases.kindShort.${r.kind}`)}</span>
            </>
          ),
        },
        { label: t("cases.organisation"), cell: (r) => r.organisation },
        { label: t("cases.statusLabel"), cell: (r) => <StatusBadge status={r.status} staff /> },
        { label: t("cases.received"), cell: (r) => (r.receivedAt ? formatDate(r.receivedAt, lang) : "") },
        { label: t("inbox.age"), cell: (r) => r.ageDays },
        { label: t("inbox.quiet"), cell: (r) => r.quietDays },
        { label: t("cases.handledBy"), cell: (r) => (r.officer ? `${r.officer}, ${r.department}` : "–") },
      ]}
    />
  );
}

export default function Inbox() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <PageHeading lead={t("inbox.lead")}>{t("inbox.title")}</PageHeading>
      <section aria-labelledby="unrouted-heading">
        <h2 id="unrouted-heading">
          {t("inbox.unrouted")} ({data.unroutedTotal})
        </h2>
        {data.unrouted.length ? (
          <CaseTable rows={data.unrouted} caption={t("inbox.unrouted")} />
        ) : (
          <p>{t("inbox.unroutedEmpty")}</p>
        )}
        {data.unroutedTotal > data.unrouted.length ? (
          <p>
            <AppLink to="/handlaggning?status=submitted&sort=oldest#all-heading">
              {t("inbox.allUnrouted", { count: data.unroutedTotal })}
            </AppLink>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="all-heading">
        <h2 id="all-heading">
          {t("inbox.all")} ({data.total})
        </h2>
        <Form method="get" className="filters" role="search">
          <SearchField id="inbox-q" label={t("inbox.searchLabel")} />
          <FilterSelect
            id="inbox-status"
            name="status"
            label={t("inbox.statusFilter")}
            any={t("inbox.anyStatus")}
            options={CASE_STATUSES.filter((v) => v !== "draft").map((v) => ({
              value: v,
              label: String(t(statusKey(v, true))),
            }))}
          />
          <FilterSelect
            id="inbox-area"
            name="area"
            label={t("cases.fields.areas")}
            any={t("inbox.any")}
            options={CASE_AREAS.map((v) => ({ value: v, label: String(t(`cases.areas.${v}`)) }))}
          />
          <FilterSelect
            id="inbox-department"
            name="department"
            label={t("inbox.department")}
            any={t("inbox.any")}
            options={data.options.departments.map((d) => ({ value: d.id, label: d.name }))}
          />
          <FilterSelect
            id="inbox-officer"
            name="officer"
            label={t("inbox.officer")}
            any={t("inbox.any")}
            options={data.options.officers.map((o) => ({ value: o.id, label: o.name }))}
          />
          {/* Organisations are found by the search (hundreds would make an unusable list). */}
          {params.get("organisation") ? (
            <input type="hidden" name="organisation" value={params.get("organisation") ?? ""} />
          ) : null}
          <DaysFilter name="olderThan" label={t("inbox.olderThan")} value={params.get("olderThan")} />
          <DaysFilter name="quietFor" label={t("inbox.quietFor")} value={params.get("quietFor")} />
          <FilterSelect
            id="inbox-sort"
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
        <Pagination page={data.page} pages={data.pages} />
      </section>
    </>
  );
}

/** A number of days to filter by (a GET field: kept in the address, shown again after a search). */
function DaysFilter({ name, label, value }: { name: string; label: string; value: string | null }) {
  return (
    <div className="field">
      <label htmlFor={`inbox-${name}`} className="field__label">
        {label}
      </label>
      <input
        id={`inbox-${name}`}
        name={name}
        inputMode="numeric"
        className="input input--tiny"
        key={value ?? ""}
        defaultValue={value ?? ""}
      />
    </div>
  );
}
