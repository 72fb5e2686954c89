import { JobRunModel } from "#models/job-run";
import { OutboxModel } from "#models/email-outbox";
import { PublicBodyModel } from "#models/public-body";
import { COUNTIES } from "#models/constants";
import { caseRows } from "../cases/read-model.server";
import type { SessionUser } from "../identity/sessions.server";
import { inviteStaff } from "../identity/staff.server";
import { isDuplicateKey } from "../kernel/claims.server";
import { clockNow } from "../kernel/clock";
import { getEnv } from "../kernel/env.server";
import { touch } from "../kernel/read-markers.server";
import { addressOfBody, allBodies } from "../public-body/public-body.server";

// The installation administrator (decision 031): not a role in any body, but the operator's
// people named in INSTALLATION_ADMINS. They add a public body, pause one and see each body's
// health in figures, never a case's contents.

/** Whether the person is one of the installation's administrators (by their account's email). */
export function isInstallationAdmin(user: { email: string } | null) {
  if (!user) return false;
  const admins = getEnv()
    .INSTALLATION_ADMINS.split(",")
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  return admins.includes(user.email.toLowerCase());
}

/**
 * Where the console is: at the front door when the installation serves many bodies (APP_HOST),
 * else at the one body's address (paused or not, so that it can be opened again).
 */
export const consoleIsHere = (kind: "body" | "paused" | "frontDoor" | "unknown") =>
  getEnv().APP_HOST ? kind === "frontDoor" : kind === "body" || kind === "paused";

/** A new public body as the installation administrator describes it. */
export interface NewBodyInput {
  name: string;
  slug: string;
  kind: "municipality" | "region";
  countyCode: keyof typeof COUNTIES;
  orgNumber: string;
  hosts: string[];
  officeName: string;
  officeEmail: string;
  officePhone: string;
  officeAddress: string;
  adminName: string;
  adminEmail: string;
}

/** The slug, or one of the hosts, is another body's already. */
export class AddressTakenError extends Error {
  constructor(readonly field: "slug" | "hosts") {
    super(field);
  }
}

/**
 * Adds a public body and invites its first administrator (from the new body's own address),
 * who then sets up departments, staff and texts in its /admin.
 */
export async function createPublicBody(input: NewBodyInput, by: SessionUser) {
  const taken = (await allBodies()).find((b) => input.hosts.some((h) => b.hosts?.includes(h)));
  if (taken) throw new AddressTakenError("hosts");
  let body;
  try {
    body = (
      await PublicBodyModel.create({
        slug: input.slug,
        name: input.name,
        kind: input.kind,
        countyCode: input.countyCode,
        orgNumber: input.orgNumber,
        hosts: input.hosts,
        casePrefix: "KS",
        officeName: input.officeName,
        officeEmail: input.officeEmail,
        officePhone: input.officePhone,
        officeAddress: input.officeAddress,
      })
    ).toObject();
  } catch (error) {
    if (isDuplicateKey(error)) throw new AddressTakenError("slug");
    throw error;
  }
  await touch("settings");
  await inviteStaff(body, by, {
    email: input.adminEmail,
    name: input.adminName,
    role: "admin",
    departmentIds: [],
    delegation: false,
  });
  return body;
}

/** Pauses a body (its pages answer "closed for now", its reminders wait) or opens it again. */
/** Whether a body has this slug (the console's forms name bodies by slug). */
export const bodyExists = async (slug: string) => (await allBodies()).some((b) => b.slug === slug);

export async function setPaused(slug: string, paused: boolean, reason: string) {
  const found = await PublicBodyModel.updateOne(
    { slug },
    paused ? { $set: { paused: { at: clockNow(), reason } } } : { $unset: { paused: 1 } },
  );
  await touch("settings");
  return found.matchedCount > 0;
}

/**
 * Each body's health in figures: its registered cases, the mails waiting to be sent and those
 * that failed; and when each background job last ran. No case contents.
 */
export async function installationHealth() {
  const [bodies, rows, mails, runs] = await Promise.all([
    allBodies(),
    caseRows(),
    OutboxModel.find({ status: { $in: ["pending", "failed"] } })
      .select("publicBodyId status")
      .lean(),
    JobRunModel.find().lean(),
  ]);
  const count = <T>(items: T[], test: (item: T) => boolean) => items.filter(test).length;
  return {
    bodies: bodies
      .map((b) => ({
        id: b.slug,
        slug: b.slug,
        name: b.name,
        kind: b.kind ?? "municipality",
        county: b.countyCode ? COUNTIES[b.countyCode] : null,
        url: addressOfBody(b),
        paused: b.paused ? { at: b.paused.at.toISOString(), reason: b.paused.reason ?? "" } : null,
        cases: count(rows, (c) => c.publicBodyId.equals(b._id) && c.status !== "draft"),
        mailsWaiting: count(mails, (m) => m.status === "pending" && Boolean(m.publicBodyId?.equals(b._id))),
        mailsFailed: count(mails, (m) => m.status === "failed" && Boolean(m.publicBodyId?.equals(b._id))),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, "sv")),
    jobs: runs
      .map((r) => ({ id: r._id, name: r._id, lastRunAt: r.lastRunAt.toISOString(), ok: r.ok }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
