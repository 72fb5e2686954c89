import type { LoaderFunctionArgs } from "@remix-run/node";
import { organisationsTakingPart } from "~/domain/organisations/organisations.server";
import { requireContext, requireStaffPage } from "~/http/request.server";
import { can } from "~/domain/access/ability.server";
import { OVERVIEW_TABLES, overviewCsv, overviewPage, type OverviewTable } from "~/domain/statistics/overview.server";
import { overviewFilterSchema } from "~/schemas/overview";

/** One table of the overview as CSV, with the page's filters (`?tabell=status&ar=2027`). */
export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireContext(request);
  const { ability, publicBody, t } = ctx;
  requireStaffPage(ctx, can(ability, "read", "Overview", { publicBodyId: String(publicBody._id) }));
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const table = OVERVIEW_TABLES.find((t) => t === params.tabell);
  if (!table) throw new Response("Ogiltig förfrågan", { status: 400 });
  const query = overviewFilterSchema.parse(params);
  const data = await overviewPage(
    publicBody,
    { year: query.ar, department: query.forvaltning },
    await organisationsTakingPart(publicBody._id),
  );
  const csv = overviewCsv(data, table as OverviewTable, (key, values) => String(t(key, values)));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="oversikt-${table}${query.ar ? `-${query.ar}` : ""}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
