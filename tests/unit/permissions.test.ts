import { subject } from "@casl/ability";
import { describe, expect, it } from "vitest";
import { defineAbilityFor, type AbilityUser } from "~/domain/access/policy";

const body = "b".repeat(24);
const otherBody = "c".repeat(24);
const orgA = "a".repeat(24);
const orgB = "d".repeat(24);

const user = (partial: Partial<AbilityUser>): AbilityUser => ({
  id: "u1",
  orgMemberships: [],
  staffMemberships: [],
  ...partial,
});
// An organisation as seen at a body's address: the body when it takes part there (OrgSubject).
const org = (id: string, publicBodyIds = [body]) => subject("Organisation", { _id: id, publicBodyIds });
const members = (organisationId: string, publicBodyIds = [body]) =>
  subject("Member", { organisationId, publicBodyIds });
const docs = (organisationId: string, publicBodyIds = [body]) =>
  subject("OrgDocument", { organisationId, publicBodyIds });

describe("the ability", () => {
  const adminA = defineAbilityFor(user({ orgMemberships: [{ organisationId: orgA, role: "org_admin" }] }));
  const memberA = defineAbilityFor(user({ orgMemberships: [{ organisationId: orgA, role: "org_member" }] }));
  const politician = defineAbilityFor(
    user({ staffMemberships: [{ publicBodyId: body, role: "politician", departmentIds: [] }] }),
  );
  const coordinator = defineAbilityFor(
    user({ staffMemberships: [{ publicBodyId: body, role: "coordinator", departmentIds: [] }] }),
  );
  const admin = defineAbilityFor(
    user({ staffMemberships: [{ publicBodyId: body, role: "admin", departmentIds: [] }] }),
  );
  const stranger = defineAbilityFor(null);

  it("lets an organisation's admin manage it, its members and documents", () => {
    expect(adminA.can("read", org(orgA))).toBe(true);
    expect(adminA.can("update", org(orgA))).toBe(true);
    expect(adminA.can("invite", members(orgA))).toBe(true);
    expect(adminA.can("delete", subject("Member", { organisationId: orgA, publicBodyIds: [body], userId: "u2" }))).toBe(
      true,
    );
    expect(adminA.can("delete", docs(orgA))).toBe(true);
  });
  it("lets a member read and upload but not manage", () => {
    expect(memberA.can("read", org(orgA))).toBe(true);
    expect(memberA.can("create", docs(orgA))).toBe(true);
    expect(memberA.can("update", org(orgA))).toBe(false);
    expect(memberA.can("invite", members(orgA))).toBe(false);
    expect(memberA.can("delete", docs(orgA))).toBe(false);
  });
  it("refuses everything about another organisation", () => {
    for (const action of ["read", "update"] as const) expect(adminA.can(action, org(orgB))).toBe(false);
    expect(adminA.can("read", members(orgB))).toBe(false);
    expect(adminA.can("read", docs(orgB))).toBe(false);
    expect(adminA.can("create", docs(orgB))).toBe(false);
  });
  it("nobody removes themselves as 'remove member' (they leave)", () => {
    expect(adminA.can("delete", subject("Member", { organisationId: orgA, publicBodyIds: [body], userId: "u1" }))).toBe(
      false,
    );
    expect(adminA.can("leave", subject("Member", { organisationId: orgA, publicBodyIds: [body], userId: "u1" }))).toBe(
      true,
    );
  });
  it("gives politicians organisation facts but no member lists or documents", () => {
    expect(politician.can("read", org(orgA))).toBe(true);
    expect(politician.can("read", members(orgA))).toBe(false);
    expect(politician.can("read", docs(orgA))).toBe(false);
    expect(politician.can("update", org(orgA))).toBe(false);
  });
  it("keeps staff inside their own public body", () => {
    expect(coordinator.can("read", docs(orgA))).toBe(true);
    expect(coordinator.can("read", docs(orgB, [otherBody]))).toBe(false);
    expect(coordinator.can("read", org(orgB, [otherBody]))).toBe(false);
    // An organisation that takes no part in the coordinator's body (as seen at its address).
    expect(coordinator.can("read", org(orgB, []))).toBe(false);
    expect(coordinator.can("read", members(orgB, []))).toBe(false);
  });
  it("keeps an organisation's members its members in every public body (organisations are national)", () => {
    expect(adminA.can("read", org(orgA, [otherBody]))).toBe(true);
    expect(adminA.can("update", org(orgA, []))).toBe(true);
    expect(memberA.can("read", docs(orgA, []))).toBe(true);
    expect(coordinator.can("invite", subject("Staff", { publicBodyId: body }))).toBe(false);
    expect(admin.can("invite", subject("Staff", { publicBodyId: body }))).toBe(true);
    expect(admin.can("invite", subject("Staff", { publicBodyId: otherBody }))).toBe(false);
  });
  it("gives a stranger nothing", () => {
    expect(stranger.can("read", org(orgA))).toBe(false);
    expect(stranger.can("create", "Organisation")).toBe(false);
  });
});
