import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { abilityFor, can } from "~/domain/access/ability.server";
import { packedRules } from "~/http/request.server";
import type { SessionUser } from "~/http/session.server";

// An ability is kept per person and memberships (docs/decisions/022): the same set gives the
// same ability, and any change of roles gives a new one at once.

const body = new Types.ObjectId();
const department = new Types.ObjectId();
const other = new Types.ObjectId();

const officer = (id: Types.ObjectId, role: string, departmentIds: Types.ObjectId[]) =>
  ({
    _id: id,
    orgMemberships: [],
    staffMemberships: [{ publicBodyId: body, role, departmentIds }],
  }) as unknown as SessionUser;

const routedCase = (departmentId: Types.ObjectId) => ({
  publicBodyId: body,
  status: "in_dialogue",
  routing: { departmentId, officerId: new Types.ObjectId() },
});

describe("a kept ability", () => {
  it("is the same for the same person with the same memberships, read again", () => {
    const id = new Types.ObjectId();
    const first = abilityFor(officer(id, "officer", [department]));
    const again = abilityFor(officer(new Types.ObjectId(id.toHexString()), "officer", [department]));
    expect(again).toBe(first);
    expect(packedRules(again)).toBe(packedRules(first));
  });

  it("follows a change of department or role at once", () => {
    const id = new Types.ObjectId();
    const before = abilityFor(officer(id, "officer", [department]));
    expect(can(before, "read", "Case", routedCase(department))).toBe(true);
    expect(can(before, "read", "Case", routedCase(other))).toBe(false);

    const moved = abilityFor(officer(id, "officer", [other]));
    expect(moved).not.toBe(before);
    expect(can(moved, "read", "Case", routedCase(department))).toBe(false);
    expect(can(moved, "read", "Case", routedCase(other))).toBe(true);

    const politician = abilityFor(officer(id, "politician", []));
    expect(can(politician, "read", "Case", routedCase(other))).toBe(false);
    expect(abilityFor(null)).toBe(abilityFor(null));
    expect(can(abilityFor(null), "read", "Case", routedCase(department))).toBe(false);
  });

  it("is never another person's, even with the same memberships", () => {
    const a = abilityFor(officer(new Types.ObjectId(), "officer", [department]));
    const b = abilityFor(officer(new Types.ObjectId(), "officer", [department]));
    expect(b).not.toBe(a);
  });
});
