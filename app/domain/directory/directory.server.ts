// The directory (docs/architecture.md, "Read models"): the names of organisations, staff and
// departments that lists, option lists and pages show, read once and kept until one of them
// changes (marker "directory"). Below cases, organisations and the public body's pages, which
// all name things from it.
import type { Types } from "mongoose";
import { DepartmentModel } from "#models/department";
import { OrganisationModel } from "#models/organisation";
import { UserModel } from "#models/user";
import { cachedUntilTouched, markers } from "../kernel/read-markers.server";

export interface Directory {
  organisations: Map<
    string,
    { name: string; orgNumber: string; city: string; email: string; registeredIn: Types.ObjectId }
  >;
  staff: Map<
    string,
    {
      name: string;
      email: string;
      staffMemberships: {
        publicBodyId: Types.ObjectId;
        role: string;
        departmentIds: Types.ObjectId[];
        delegation?: boolean;
      }[];
      /** Has set a password (an invited staff member who has not is not active yet). */
      active: boolean;
    }
  >;
  /** By name. */
  departments: { _id: Types.ObjectId; name: string; publicBodyId: Types.ObjectId; areas: string[] }[];
}

/** Names of organisations, staff and departments, for lists and option lists. */
export function directory(): Promise<Directory> {
  return cachedUntilTouched("directory", async () => {
    const [orgs, staff, departments] = await Promise.all([
      OrganisationModel.find().select("name orgNumber city email registeredIn").lean(),
      UserModel.find({ "staffMemberships.publicBodyId": { $exists: true } })
        .select("name email staffMemberships passwordChangedAt")
        .lean(),
      DepartmentModel.find().select("name publicBodyId areas").lean(),
    ]);
    return {
      organisations: new Map(
        orgs.map((o) => [
          String(o._id),
          { name: o.name, orgNumber: o.orgNumber, city: o.city ?? "", email: o.email, registeredIn: o.registeredIn },
        ]),
      ),
      staff: new Map(
        staff.map((u) => [
          String(u._id),
          { name: u.name, email: u.email, staffMemberships: u.staffMemberships, active: Boolean(u.passwordChangedAt) },
        ]),
      ),
      departments: departments.sort((a, b) => a.name.localeCompare(b.name, "sv")),
    };
  });
}

/** A public body's departments by name (`_id` and name), from the directory. */
export async function departmentsOf(publicBodyId: Types.ObjectId) {
  const { departments } = await directory();
  return departments.filter((d) => d.publicBodyId.equals(publicBodyId)).map(({ _id, name }) => ({ _id, name }));
}

/**
 * The version of what the lists are made of: a tag that changes whenever a case or a name does,
 * and when that was. One read of the markers; what open data answers `ETag`/`Last-Modified` with.
 */
export async function readModelVersion() {
  const found = await markers();
  // A case's change moves "caseChanges"; "cases" moves when every list is read again.
  const [cases, changes, names] = [found.get("cases"), found.get("caseChanges"), found.get("directory")];
  const times = [cases?.at, changes?.at, names?.at].filter((d): d is Date => Boolean(d)).map((d) => d.getTime());
  return {
    tag: `${cases?.token ?? "0"}.${changes?.token ?? "0"}.${names?.token ?? "0"}`,
    at: new Date(times.length ? Math.max(...times) : 0),
  };
}
