import {
  AbilityBuilder,
  createMongoAbility,
  subject,
  type ForcedSubject,
  type MongoAbility,
  type RawRuleOf,
} from "@casl/ability";
import { EDITABLE_STATUSES } from "../lifecycle/statuses";
import type { TransitionName } from "../lifecycle/statuses";

// The one access policy (docs/domain.md, "Roles and who sees what"; decision 005): every rule of
// who may do what, for organisations, members, documents, staff and cases. The server (checks,
// inbox filters, the case executor) and the browser (@casl/react) both use it, so it works on
// plain objects with string ids and imports nothing server-only. Which *statuses* allow a step
// is the lifecycle's business (cases/lifecycle.ts); who may take it is decided here.

/** How a person relates to a case: the input of every case rule. */
export type CaseRelation =
  | "organisation" // a member of the organisation that owns the case
  | "partner" // a member of a co-organisation named in the case's agreement (reads only that)
  | "officer" // the responsible officer, or an officer of the responsible department
  | "coordinator" // the civil-society office of the case's public body
  | "admin" // an administrator of the case's public body
  | "coReader" // an officer of a department asked to read along
  | "politician" // an elected representative of the case's public body
  | "stranger" // anyone else: another organisation, another department, another body, the public
  | "system"; // Samverka's own jobs (never a person: no user is ever in this relation)

/** In order of precedence: a person with several relations acts in the first. */
export const CASE_RELATIONS: readonly CaseRelation[] = [
  "organisation",
  "partner",
  "officer",
  "coordinator",
  "admin",
  "coReader",
  "politician",
  "stranger",
];

export type CaseAction =
  | TransitionName
  | "read" // the case page (staff: once submitted)
  | "create" // start an idea or proposal for the organisation
  | "update" // edit the text (only while it is being written)
  | "attach" // add an attachment
  | "message" // write in the shared dialogue
  | "internalNote" // write an internal note (never shown to the organisation)
  | "meeting" // invite to or record a meeting
  | "confirmMeeting" // confirm a meeting the municipality proposed
  | "setConfidential" // mark the case as containing secret information
  | "assess" // declare conflicts of interest (jäv) and write the assessment
  | "handle" // work on cases at all: the inbox
  | "readAgreement" // read the agreement page: its text, signing, ledger and follow-up
  | "draftAgreement" // create and edit the agreement's text (staff; the organisation comments)
  | "commentAgreement" // comment on a section of the agreement's draft
  | "recordPayment" // record a payment of the municipal contribution
  | "reportContribution" // report a year: the follow-up report and the own contribution
  | "assessReport" // assess a follow-up report: approve it or ask for more
  | "followUpMeeting" // log a joint follow-up meeting with its minutes
  | "amendAgreement" // start (or drop) a renegotiation or an extension of the agreement in force
  | "terminateAgreement"; // give notice: either party may end the agreement early

const ORG = ["organisation"] as const;
const HANDLERS = ["officer", "coordinator", "admin"] as const;
const OFFICE = ["coordinator", "admin"] as const;
// Only the responsible side assesses and decides; the office routes but does not assess
// (unless a coordinator is themselves routed as the officer, which makes them "officer").
const ASSESSORS = ["officer"] as const;
// The responsible officer or the office writes the agreement with the organisation.
const AGREEMENT_WRITERS = ["officer", "coordinator"] as const;

/** Who may do what to a case, by relation. Written out in full, one line per action. */
export const CASE_POLICY: Record<CaseAction, readonly CaseRelation[]> = {
  read: ["organisation", "officer", "coordinator", "admin", "coReader"],
  create: ORG,
  update: ORG,
  attach: ORG,
  message: ["organisation", ...HANDLERS],
  internalNote: [...HANDLERS, "coReader"],
  meeting: HANDLERS,
  confirmMeeting: ORG,
  setConfidential: HANDLERS,
  assess: ASSESSORS,
  handle: HANDLERS,
  submit: ORG,
  route: OFFICE,
  reassign: OFFICE,
  requestCompletion: HANDLERS,
  answerCompletion: ORG,
  convertToProposal: ORG,
  closeIdea: HANDLERS,
  startAssessment: ASSESSORS,
  approve: ASSESSORS,
  decline: ASSESSORS,
  withdraw: ORG,
  // Co-organisations are parties to the agreement, not to the rest of the case.
  readAgreement: ["organisation", "partner", "officer", "coordinator", "admin", "coReader"],
  draftAgreement: AGREEMENT_WRITERS,
  commentAgreement: ["organisation", "partner", ...AGREEMENT_WRITERS],
  recordPayment: AGREEMENT_WRITERS,
  reportContribution: ORG,
  assessReport: AGREEMENT_WRITERS,
  followUpMeeting: AGREEMENT_WRITERS,
  // Renegotiation or extension: staff start it; the text is then written and signed again.
  amendAgreement: AGREEMENT_WRITERS,
  terminateAgreement: ["organisation", ...AGREEMENT_WRITERS],
  // Nobody ends an agreement by hand: the job does on the end date (relation "system").
  endAgreement: ["system"],
  sendForSigning: AGREEMENT_WRITERS,
  reopenAgreement: AGREEMENT_WRITERS,
  // Only the signers named when the agreement was sent may sign (checked by the domain).
  signAgreement: ["organisation", "partner", ...HANDLERS],
};

export const mayOnCase = (action: CaseAction, relation: CaseRelation) => CASE_POLICY[action].includes(relation);

export type Action = CaseAction | "delete" | "invite" | "leave" | "manage";
export type SubjectType =
  | "Organisation"
  | "Member"
  | "OrgDocument"
  | "Staff"
  | "Department"
  | "PageText"
  | "Case"
  | "DevTools"
  | "Overview"
  | "IdentityProvider";

/**
 * An organisation as seen at one public body's address. Organisations are national (decision
 * 029): `publicBodyIds` holds that body when the organisation takes part there (registered
 * there, or a case there), else nothing, so a staff role elsewhere never reaches it.
 */
export interface OrgSubject {
  _id: string;
  publicBodyIds: string[];
}
/** A membership of a user in an organisation (or the member list of an organisation). */
export interface MemberSubject {
  organisationId: string;
  publicBodyIds: string[];
  userId?: string;
}
export interface OrgDocumentSubject {
  organisationId: string;
  publicBodyIds: string[];
}
export interface StaffSubject {
  publicBodyId: string;
}
/** A case (IOP idea or proposal), with string ids. */
export interface CaseSubject {
  publicBodyId: string;
  organisationId: string;
  status: string;
  routing?: { departmentId: string; officerId: string; coReaderDepartmentIds?: string[] };
  /** Co-organisations named in the agreement (or in a change to it). */
  partnerOrganisationIds?: string[];
}

type Tagged<T extends SubjectType, F> = F & ForcedSubject<T>;
type Subjects =
  | SubjectType
  | "all"
  | Tagged<"Organisation", OrgSubject>
  | Tagged<"Member", MemberSubject>
  | Tagged<"OrgDocument", OrgDocumentSubject>
  | Tagged<"Staff", StaffSubject>
  | Tagged<"Department", StaffSubject>
  | Tagged<"PageText", StaffSubject>
  | Tagged<"IdentityProvider", StaffSubject>
  | Tagged<"Case", CaseSubject>
  | Tagged<"DevTools", StaffSubject>;
export type AppAbility = MongoAbility<[Action, Subjects]>;
export type AppRule = RawRuleOf<AppAbility>;

export interface AbilityUser {
  id: string;
  orgMemberships: { organisationId: string; role: string }[];
  staffMemberships: { publicBodyId: string; role: string; departmentIds: string[] }[];
}

type Conditions = Record<string, unknown>;

/** The case conditions under which this user stands in each relation (none: not in it). */
function relationConditions(user: AbilityUser): [CaseRelation, Conditions][] {
  const out: [CaseRelation, Conditions][] = user.orgMemberships.flatMap((m): [CaseRelation, Conditions][] => [
    ["organisation", { organisationId: m.organisationId }],
    ["partner", { partnerOrganisationIds: { $in: [m.organisationId] } }],
  ]);
  for (const m of user.staffMemberships) {
    const body = { publicBodyId: m.publicBodyId };
    if (m.role !== "politician") out.push(["officer", { ...body, "routing.officerId": user.id }]);
    if (m.role === "officer") {
      out.push(["officer", { ...body, "routing.departmentId": { $in: m.departmentIds } }]);
      out.push(["coReader", { ...body, "routing.coReaderDepartmentIds": { $in: m.departmentIds } }]);
    } else if (m.role === "coordinator" || m.role === "admin" || m.role === "politician") {
      out.push([m.role, body]);
    }
  }
  return out;
}

// What the status adds to an action's rule: the municipality sees a case once it is submitted,
// and only a text being written can be edited.
const caseState = (action: CaseAction, relation: CaseRelation): Conditions => {
  if (action === "update") return { status: { $in: [...EDITABLE_STATUSES] } };
  if (action === "read" && relation !== "organisation") return { status: { $ne: "draft" } };
  return {};
};

/** How this user relates to this case. */
export function caseRelation(user: AbilityUser | null, c: CaseSubject): CaseRelation {
  if (!user) return "stranger";
  const { can, build } = new AbilityBuilder<MongoAbility<[CaseRelation, Tagged<"Case", CaseSubject> | "Case"]>>(
    createMongoAbility,
  );
  for (const [relation, conditions] of relationConditions(user)) can(relation, "Case", conditions);
  const ability = build();
  return CASE_RELATIONS.find((r) => ability.can(r, subject("Case", { ...c }))) ?? "stranger";
}

export function defineRulesFor(user: AbilityUser | null): AppRule[] {
  const { can, cannot, rules } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (!user) return rules;

  // Any signed-in person may register an organisation (verified email is checked separately),
  // except the municipality's staff: they are not organisation members (docs/domain.md).
  if (user.staffMemberships.length === 0) can("create", "Organisation");

  // Cases: every action of the case table, for each relation this user can stand in.
  for (const [relation, conditions] of relationConditions(user)) {
    for (const action of Object.keys(CASE_POLICY) as CaseAction[]) {
      if (mayOnCase(action, relation)) can(action, "Case", { ...conditions, ...caseState(action, relation) });
    }
  }

  for (const m of user.orgMemberships) {
    const org = { organisationId: m.organisationId };
    can("read", "Organisation", { _id: m.organisationId });
    can("read", "Member", org);
    can("leave", "Member", { ...org, userId: user.id });
    can("read", "OrgDocument", org);
    can("create", "OrgDocument", org);
    if (m.role === "org_admin") {
      can("update", "Organisation", { _id: m.organisationId });
      can("invite", "Member", org);
      can("delete", "Member", org);
      can("delete", "OrgDocument", org);
    }
  }

  for (const m of user.staffMemberships) {
    const body = { publicBodyId: m.publicBodyId };
    // The organisations that take part in the staff's own body (OrgSubject).
    const takingPart = { publicBodyIds: { $in: [m.publicBodyId] } };
    // All staff see organisations' registration facts (public information).
    can("read", "Organisation", takingPart);
    can("read", "Department", body);
    // The overview: figures without personal data, for politicians and every staff role.
    can("read", "Overview", body);
    if (m.role === "coordinator" || m.role === "admin") {
      can("read", "Member", takingPart);
      can("read", "OrgDocument", takingPart);
    }
    if (m.role === "admin") {
      can("read", "Staff", body);
      can("invite", "Staff", body);
      can("manage", "Department", body);
      // The accessibility statement, privacy notice and appeal text are the public body's.
      can("update", "PageText", body);
      // How people sign in: the OpenID providers (e-ID broker, the municipality's IdP).
      can("manage", "IdentityProvider", body);
    }
  }
  // Nobody removes themselves through "remove member": they leave instead.
  cannot("delete", "Member", { userId: user.id });
  return rules;
}

/** The inbox and the staff case pages: this public body's staff who handle cases (not politicians). */
export const mayUseInbox = (user: AbilityUser | null, publicBodyId: string) =>
  Boolean(
    user?.staffMemberships.some(
      // A staff role is the relation it gives to the body's cases (an officer's, once routed).
      (m) => m.publicBodyId === publicBodyId && mayOnCase("handle", m.role as CaseRelation),
    ),
  );

export function createAbility(rules: AppRule[]): AppAbility {
  return createMongoAbility<AppAbility>(rules);
}

export const defineAbilityFor = (user: AbilityUser | null) => createAbility(defineRulesFor(user));
