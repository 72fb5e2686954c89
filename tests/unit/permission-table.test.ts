import { subject } from "@casl/ability";
import { describe, expect, it } from "vitest";
import { availableTransitions, type CaseStatus } from "~/domain/cases/lifecycle";
import type { CaseRelation } from "~/domain/access/policy";
import { caseRelation, defineAbilityFor, type AbilityUser } from "~/domain/access/policy";

// Who may do what, written out by hand (not derived from the rules): each row is a person in a
// relation to the record, each column an action, and the cell the one right answer.

const body = "b".repeat(24);
const otherBody = "c".repeat(24);
const orgA = "a".repeat(24);
const orgB = "d".repeat(24);
const orgC = "8".repeat(24); // a co-organisation named in the case's agreement
const social = "e".repeat(24);
const culture = "f".repeat(24);
const school = "9".repeat(24);

const staff = (role: string, departmentIds: string[] = [], publicBodyId = body) => ({
  orgMemberships: [],
  staffMemberships: [{ publicBodyId, role, departmentIds }],
});
const people: Record<string, AbilityUser | null> = {
  orgAdmin: {
    id: "p1",
    orgMemberships: [{ organisationId: orgA, role: "org_admin" }],
    staffMemberships: [],
  },
  orgMember: {
    id: "p2",
    orgMemberships: [{ organisationId: orgA, role: "org_member" }],
    staffMemberships: [],
  },
  otherOrgAdmin: {
    id: "p3",
    orgMemberships: [{ organisationId: orgB, role: "org_admin" }],
    staffMemberships: [],
  },
  partnerOrgAdmin: {
    id: "p13",
    orgMemberships: [{ organisationId: orgC, role: "org_admin" }],
    staffMemberships: [],
  },
  routedOfficer: { id: "officer1", ...staff("officer", [social]) },
  sameDeptOfficer: { id: "p5", ...staff("officer", [social]) },
  coReadingOfficer: { id: "p6", ...staff("officer", [culture]) },
  otherDeptOfficer: { id: "p7", ...staff("officer", [school]) },
  coordinator: { id: "p8", ...staff("coordinator") },
  admin: { id: "p9", ...staff("admin") },
  politician: { id: "p10", ...staff("politician") },
  otherBodyCoordinator: { id: "p11", ...staff("coordinator", [], otherBody) },
  // The office routed the case to a coordinator of its own (the office is the department).
  routedCoordinator: { id: "officer1", ...staff("coordinator", [social]) },
  signedInStranger: { id: "p12", orgMemberships: [], staffMemberships: [] },
  anonymous: null,
};

const routedCase = (status: string) =>
  subject("Case", {
    publicBodyId: body,
    organisationId: orgA,
    status,
    routing: { departmentId: social, officerId: "officer1", coReaderDepartmentIds: [culture] },
    partnerOrganisationIds: [orgC],
  });
const draftCase = subject("Case", { publicBodyId: body, organisationId: orgA, status: "draft" });

// prettier-ignore
const columns = [
  "read draft", "update draft", "read in_dialogue", "update in_dialogue", "update preparing_proposal",
  "handle in_dialogue", "route submitted", "create case", "read org", "update org", "invite member",
  "remove member", "read org documents", "upload org document", "read staff", "invite staff",
  "message", "internal note", "meeting", "confirm meeting", "set confidential", "assess", "attach",
  "leave own membership", "delete org document", "manage departments", "register organisation", "edit page texts",
  "draft agreement", "comment agreement", "sign agreement", "record payment", "report contribution",
  "assess report", "terminate agreement", "renegotiate or extend", "log follow-up meeting", "read agreement",
  "manage sign-in providers",
] as const;
const check: Record<(typeof columns)[number], (a: ReturnType<typeof defineAbilityFor>, self: string) => boolean> = {
  "read draft": (a) => a.can("read", draftCase),
  "update draft": (a) => a.can("update", draftCase),
  "read in_dialogue": (a) => a.can("read", routedCase("in_dialogue")),
  "update in_dialogue": (a) => a.can("update", routedCase("in_dialogue")),
  "update preparing_proposal": (a) => a.can("update", routedCase("preparing_proposal")),
  "handle in_dialogue": (a) => a.can("handle", routedCase("in_dialogue")),
  "route submitted": (a) =>
    a.can("route", subject("Case", { publicBodyId: body, organisationId: orgA, status: "submitted" })),
  "create case": (a) => a.can("create", subject("Case", { publicBodyId: body, organisationId: orgA, status: "draft" })),
  "read org": (a) => a.can("read", subject("Organisation", { _id: orgA, publicBodyIds: [body] })),
  "update org": (a) => a.can("update", subject("Organisation", { _id: orgA, publicBodyIds: [body] })),
  "invite member": (a) => a.can("invite", subject("Member", { organisationId: orgA, publicBodyIds: [body] })),
  "remove member": (a) =>
    a.can("delete", subject("Member", { organisationId: orgA, publicBodyIds: [body], userId: "x" })),
  "read org documents": (a) => a.can("read", subject("OrgDocument", { organisationId: orgA, publicBodyIds: [body] })),
  "upload org document": (a) =>
    a.can("create", subject("OrgDocument", { organisationId: orgA, publicBodyIds: [body] })),
  "read staff": (a) => a.can("read", subject("Staff", { publicBodyId: body })),
  "invite staff": (a) => a.can("invite", subject("Staff", { publicBodyId: body })),
  message: (a) => a.can("message", routedCase("in_dialogue")),
  "internal note": (a) => a.can("internalNote", routedCase("in_dialogue")),
  meeting: (a) => a.can("meeting", routedCase("in_dialogue")),
  "confirm meeting": (a) => a.can("confirmMeeting", routedCase("in_dialogue")),
  "set confidential": (a) => a.can("setConfidential", routedCase("in_dialogue")),
  assess: (a) => a.can("assess", routedCase("in_dialogue")),
  attach: (a) => a.can("attach", routedCase("in_dialogue")),
  "leave own membership": (a, self) =>
    a.can("leave", subject("Member", { organisationId: orgA, publicBodyIds: [body], userId: self })),
  "delete org document": (a) =>
    a.can("delete", subject("OrgDocument", { organisationId: orgA, publicBodyIds: [body] })),
  "manage departments": (a) => a.can("manage", subject("Department", { publicBodyId: body })),
  "register organisation": (a) => a.can("create", "Organisation"),
  "edit page texts": (a) => a.can("update", subject("PageText", { publicBodyId: body })),
  "draft agreement": (a) => a.can("draftAgreement", routedCase("approved")),
  "comment agreement": (a) => a.can("commentAgreement", routedCase("approved")),
  // Who may sign at all; the domain then admits only the signers named for the version.
  "sign agreement": (a) => a.can("signAgreement", routedCase("agreement_pending_signatures")),
  "record payment": (a) => a.can("recordPayment", routedCase("active")),
  "report contribution": (a) => a.can("reportContribution", routedCase("active")),
  "assess report": (a) => a.can("assessReport", routedCase("active")),
  "terminate agreement": (a) => a.can("terminateAgreement", routedCase("active")),
  "renegotiate or extend": (a) => a.can("amendAgreement", routedCase("active")),
  "log follow-up meeting": (a) => a.can("followUpMeeting", routedCase("active")),
  "read agreement": (a) => a.can("readAgreement", routedCase("active")),
  "manage sign-in providers": (a) => a.can("manage", subject("IdentityProvider", { publicBodyId: body })),
};

// 1 = allowed, 0 = refused; columns in the order above.
// prettier-ignore
const table: Record<keyof typeof people, number[]> = {
  orgAdmin:             [1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0,  1, 0, 0, 1, 0, 0, 1, 1, 1, 0, 1, 0,  0, 1, 1, 0, 1, 0, 1,  0, 0, 1,  0],
  orgMember:            [1, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0,  1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0,  0, 1, 1, 0, 1, 0, 1,  0, 0, 1,  0],
  otherOrgAdmin:        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0,  0, 0, 0, 0, 0, 0, 0,  0, 0, 0,  0],
  partnerOrgAdmin:      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0,  0, 1, 1, 0, 0, 0, 0,  0, 0, 1,  0],
  routedOfficer:        [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,  1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0,  1, 1, 1, 1, 0, 1, 1,  1, 1, 1,  0],
  sameDeptOfficer:      [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,  1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0,  1, 1, 1, 1, 0, 1, 1,  1, 1, 1,  0],
  coReadingOfficer:     [0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,  0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0,  0, 0, 1,  0],
  otherDeptOfficer:     [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0,  0, 0, 0,  0],
  coordinator:          [0, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0,  1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0,  1, 1, 1, 1, 0, 1, 1,  1, 1, 1,  0],
  routedCoordinator:    [0, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0,  1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0,  1, 1, 1, 1, 0, 1, 1,  1, 1, 1,  0],
  admin:                [0, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 0, 1, 1,  1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1,  0, 0, 1, 0, 0, 0, 0,  0, 0, 1,  1],
  politician:           [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0,  0, 0, 0,  0],
  otherBodyCoordinator: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0,  0, 0, 0,  0],
  signedInStranger:     [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0,  0, 0, 0, 0, 0, 0, 0,  0, 0, 0,  0],
  anonymous:            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0,  0, 0, 0,  0],
};

describe("the permission table", () => {
  for (const [who, expected] of Object.entries(table)) {
    it(`${who}`, () => {
      const ability = defineAbilityFor(people[who] ?? null);
      const actual = columns.map((column) => (check[column](ability, people[who]?.id ?? "") ? 1 : 0));
      expect(Object.fromEntries(columns.map((c, i) => [c, actual[i]]))).toEqual(
        Object.fromEntries(columns.map((c, i) => [c, expected[i]])),
      );
    });
  }
});

// Each person's relation to the routed case, by hand.
const relations: Record<keyof typeof people, CaseRelation> = {
  orgAdmin: "organisation",
  orgMember: "organisation",
  otherOrgAdmin: "stranger",
  partnerOrgAdmin: "partner",
  routedOfficer: "officer",
  routedCoordinator: "officer",
  sameDeptOfficer: "officer",
  coReadingOfficer: "coReader",
  otherDeptOfficer: "stranger",
  coordinator: "coordinator",
  admin: "admin",
  politician: "politician",
  otherBodyCoordinator: "stranger",
  signedInStranger: "stranger",
  anonymous: "stranger",
};

describe("the relation to a case", () => {
  for (const [who, relation] of Object.entries(relations)) {
    it(`${who} is ${relation}`, () => {
      const c = {
        publicBodyId: body,
        organisationId: orgA,
        status: "in_dialogue",
        routing: { departmentId: social, officerId: "officer1", coReaderDepartmentIds: [culture] },
        partnerOrganisationIds: [orgC],
      };
      expect(caseRelation(people[who] ?? null, c)).toBe(relation);
    });
  }
});

// The lifecycle's transitions by relation to the case (docs/domain.md), also by hand.
const transitions: [CaseStatus, "idea" | "proposal", CaseRelation, string[]][] = [
  ["draft", "idea", "organisation", ["submit", "withdraw"]],
  ["submitted", "idea", "organisation", ["withdraw"]],
  ["submitted", "idea", "coordinator", ["route"]],
  ["submitted", "idea", "admin", ["route"]],
  ["submitted", "idea", "officer", []],
  ["submitted", "idea", "politician", []],
  ["in_dialogue", "idea", "organisation", ["convertToProposal", "withdraw"]],
  ["in_dialogue", "idea", "officer", ["closeIdea", "requestCompletion"]],
  ["in_dialogue", "idea", "coordinator", ["closeIdea", "reassign", "requestCompletion"]],
  ["in_dialogue", "proposal", "officer", ["requestCompletion", "startAssessment"]],
  ["in_dialogue", "proposal", "coordinator", ["reassign", "requestCompletion"]],
  ["in_dialogue", "proposal", "admin", ["reassign", "requestCompletion"]],
  ["in_dialogue", "proposal", "stranger", []],
  ["in_dialogue", "proposal", "coReader", []],
  ["in_assessment", "proposal", "coReader", []],
  ["awaiting_completion", "proposal", "organisation", ["answerCompletion", "withdraw"]],
  ["awaiting_completion", "proposal", "officer", []],
  ["preparing_proposal", "proposal", "organisation", ["submit", "withdraw"]],
  ["preparing_proposal", "proposal", "coordinator", ["reassign"]],
  ["preparing_proposal", "proposal", "officer", []],
  ["in_assessment", "proposal", "officer", ["approve", "decline"]],
  ["in_assessment", "proposal", "coordinator", ["reassign"]],
  ["in_assessment", "proposal", "organisation", ["withdraw"]],
  ["in_assessment", "proposal", "politician", []],
  ["approved", "proposal", "organisation", []],
  ["approved", "proposal", "coordinator", ["sendForSigning"]],
  ["approved", "proposal", "officer", ["sendForSigning"]],
  ["approved", "proposal", "admin", []],
  ["approved", "proposal", "coReader", []],
  ["agreement_pending_signatures", "proposal", "organisation", ["signAgreement"]],
  ["agreement_pending_signatures", "proposal", "officer", ["reopenAgreement", "signAgreement"]],
  ["agreement_pending_signatures", "proposal", "admin", ["signAgreement"]],
  ["agreement_pending_signatures", "proposal", "coReader", []],
  ["agreement_pending_signatures", "proposal", "politician", []],
  ["active", "proposal", "organisation", []],
  ["active", "proposal", "officer", []],
  // Only Samverka's end job ends an agreement (on its end date).
  ["active", "proposal", "system", ["endAgreement"]],
  ["active", "proposal", "coordinator", []],
];

describe("the lifecycle by relation", () => {
  for (const [status, kind, actor, expected] of transitions) {
    it(`${actor} on a ${kind} that is ${status}`, () => {
      const routed = status !== "draft" && status !== "submitted";
      expect(availableTransitions({ status, kind, routed }, actor).sort()).toEqual([...expected].sort());
    });
  }
});
