import type { Types } from "mongoose";
import { DepartmentModel } from "#models/department";
import { OrganisationModel } from "#models/organisation";
import { ProposalModel } from "#models/proposal";
import { UserModel } from "#models/user";
import type { CaseStatus } from "./case-lifecycle";

export const PAGE_SIZE = 25;

/** User text used in a regex matches literally (no regex injection). */
export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const DAY = 24 * 60 * 60 * 1000;

const SORTS = {
  received: { receivedAt: -1 },
  oldest: { receivedAt: 1 },
  caseNumber: { caseNumber: 1 },
  activity: { lastActivityAt: -1 },
} as const;

/**
 * The civil-society office's inbox: what waits to be routed, and all cases the user may read,
 * filtered, searched (case number, title, organisation) and paged.
 */
export async function inbox(
  publicBodyId: Types.ObjectId,
  readable: Record<string, unknown>,
  query: {
    q: string;
    status?: CaseStatus;
    area?: string;
    department?: string;
    officer?: string;
    organisation?: string;
    olderThan?: number;
    sort: "received" | "oldest" | "caseNumber" | "activity";
    page: number;
  },
  now = new Date(),
) {
  const base = { $and: [readable, { publicBodyId, status: { $ne: "draft" } }] };
  const filters: Record<string, unknown>[] = [base];
  if (query.status) filters.push({ status: query.status });
  if (query.area) filters.push({ areas: query.area });
  if (query.department) filters.push({ "routing.departmentId": query.department });
  if (query.officer) filters.push({ "routing.officerId": query.officer });
  if (query.organisation) filters.push({ organisationId: query.organisation });
  if (query.olderThan) filters.push({ receivedAt: { $lte: new Date(now.getTime() - query.olderThan * DAY) } });
  if (query.q) {
    const pattern = new RegExp(escapeRegex(query.q), "i");
    const orgs = await OrganisationModel.find({ publicBodyId, name: pattern }).select("_id").limit(200).lean();
    filters.push({
      $or: [{ caseNumber: pattern }, { title: pattern }, { organisationId: { $in: orgs.map((o) => o._id) } }],
    });
  }
  const fields = "title kind status caseNumber receivedAt organisationId routing lastActivityAt";
  const [unrouted, total, page] = await Promise.all([
    ProposalModel.find({ $and: [base, { status: "submitted" }] })
      .select(fields)
      .sort({ receivedAt: 1 })
      .limit(100)
      .lean(),
    ProposalModel.countDocuments({ $and: filters }),
    ProposalModel.find({ $and: filters })
      .select(fields)
      .sort(SORTS[query.sort])
      .skip((query.page - 1) * PAGE_SIZE)
      .limit(PAGE_SIZE)
      .lean(),
  ]);
  const all = [...unrouted, ...page];
  const [orgs, officers, departments] = await Promise.all([
    OrganisationModel.find({ _id: { $in: all.map((c) => c.organisationId) } })
      .select("name")
      .lean(),
    UserModel.find({ _id: { $in: all.flatMap((c) => (c.routing ? [c.routing.officerId] : [])) } })
      .select("name")
      .lean(),
    DepartmentModel.find({ publicBodyId }).select("name").lean(),
  ]);
  const row = (c: (typeof all)[number]) => ({
    id: String(c._id),
    title: c.title,
    kind: c.kind,
    status: c.status,
    caseNumber: c.caseNumber ?? "",
    receivedAt: c.receivedAt?.toISOString() ?? null,
    ageDays: c.receivedAt ? Math.floor((now.getTime() - c.receivedAt.getTime()) / DAY) : 0,
    organisation: orgs.find((o) => o._id.equals(c.organisationId))?.name ?? "",
    officer: c.routing ? (officers.find((u) => u._id.equals(c.routing?.officerId))?.name ?? "") : "",
    department: c.routing ? (departments.find((d) => d._id.equals(c.routing?.departmentId))?.name ?? "") : "",
  });
  const [allOrgs, allOfficers] = await Promise.all([
    OrganisationModel.find({ publicBodyId }).select("name").sort({ name: 1 }).limit(500).lean(),
    UserModel.find({ "staffMemberships.publicBodyId": publicBodyId })
      .select("name staffMemberships")
      .sort({ name: 1 })
      .lean(),
  ]);
  return {
    options: {
      departments: departments.map((d) => ({ id: String(d._id), name: d.name })),
      organisations: allOrgs.map((o) => ({ id: String(o._id), name: o.name })),
      officers: allOfficers
        .filter((u) =>
          u.staffMemberships.some(
            (m) => m.publicBodyId.equals(publicBodyId) && (m.role === "officer" || m.role === "coordinator"),
          ),
        )
        .map((u) => ({ id: String(u._id), name: u.name })),
    },
    unrouted: unrouted.map(row),
    cases: page.map(row),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}
