import type { EurRate } from "#models/public-body";
import { UserModel } from "#models/user";
import { mayOnCase, type CaseRelation } from "../access/policy";
import type { SessionUser } from "../identity/sessions.server";
import { latestDeclaration } from "../cases/decision.server";
import { listDialogue } from "../cases/dialogue.server";
import { officerChoices, suggestDepartments } from "../cases/proposals.server";
import { listCaseAttachments, listOrgDocuments } from "../records/documents.server";
import { availableTransitions } from "../cases/lifecycle";
import { shownStatus } from "../lifecycle/statuses";
import {
  attachmentIdsOf,
  caseTrail,
  factsOf,
  keptForCaseVersion,
  listCaseDocuments,
  type CaseDoc,
} from "../cases/engine.server";
import { sectionStatuses } from "../cases/proposal-sections";
import { directory } from "../directory/directory.server";
import { dayOf, swedishToday } from "../kernel/days";
import { clockNow } from "../kernel/clock";
import { agreementInForce } from "../agreements/follow-up";

/** What every case page shows: facts, who handles it, the trail and the document list. */
export async function casePageData(c: CaseDoc, options: { staff: boolean; actor: CaseRelation }) {
  const trail = await caseTrail(c);
  const events = options.staff ? trail : trail.filter((e) => e.shared);
  const [documents, dir, attachments] = await Promise.all([
    listCaseDocuments(c, trail),
    directory(),
    keptForCaseVersion(c, "attachments", async () => {
      const ids = attachmentIdsOf(trail);
      const value = await listCaseAttachments(c, ids);
      return { value, complete: value.length === ids.length };
    }),
  ]);
  const org = dir.organisations.get(String(c.organisationId));
  const routing = c.routing;
  const department = routing ? dir.departments.find((d) => d._id.equals(routing.departmentId)) : undefined;
  // The directory holds current staff; an officer who has left is still named on their cases.
  const officer = routing
    ? (dir.staff.get(String(routing.officerId)) ??
      (await UserModel.findById(routing.officerId).select("name email").lean()))
    : null;
  return {
    case: {
      id: String(c._id),
      kind: c.kind,
      status: c.status,
      /** The stage shown in the badge and "what happens now". */
      shownStatus: shownStatus(c),
      version: c.version,
      caseNumber: c.caseNumber ?? null,
      confidential: c.confidential,
      publicationCleared: Boolean(c.publicationCleared),
      receivedAt: c.receivedAt?.toISOString() ?? null,
      title: c.title,
      summary: c.summary,
      need: c.need,
      targetGroup: c.targetGroup,
      activities: c.activities,
      periodStart: c.periodStart ? dayOf(c.periodStart) : "",
      periodEnd: c.periodEnd ? dayOf(c.periodEnd) : "",
      areas: c.areas,
      generalInterest: c.generalInterest,
      municipalGoal: c.municipalGoal,
      addedValue: c.addedValue,
      ownContributionDescription: c.ownContributionDescription,
      ownContributionSek: c.ownContributionSek,
      volunteerHoursPerYear: c.volunteerHoursPerYear,
      ownContributionInKind: c.ownContributionInKind,
      requestedSekPerYear: c.requestedSekPerYear,
      requestedInKind: c.requestedInKind,
      goals: c.goals.map((g) => ({ goal: g.goal, indicator: g.indicator })),
      contactName: c.contactName,
      contactEmail: c.contactEmail,
      contactPhone: c.contactPhone,
      partnerOrganisations: c.partnerOrganisations,
      wantsMeeting: c.wantsMeeting,
      completedSections: c.completedSections ?? [],
    },
    agreement: c.agreement ? { number: c.agreement.number } : null,
    /** For an agreement in force: its term, the next report and the next planned payment. */
    inForce: agreementInForce(c, swedishToday(clockNow())),
    // The full proposal's task list, while the organisation writes it.
    sections: c.kind === "proposal" ? sectionStatuses({ ...c, attachmentCount: attachments.length }) : [],
    organisation: org
      ? { id: String(c.organisationId), name: org.name, orgNumber: org.orgNumber, email: org.email }
      : null,
    attachments: attachments.map((a) => ({
      id: String(a._id),
      title: a.title,
      filename: a.filename,
      size: a.size,
      href: `/forslag/${String(c._id)}/bilagor/${String(a._id)}`,
    })),
    decision: c.decision
      ? {
          outcome: c.decision.outcome,
          decidedBy: c.decision.decidedBy,
          decisionMakerName: c.decision.decisionMakerName,
          delegationRef: c.decision.delegationRef,
          decisionDate: dayOf(c.decision.decisionDate),
          protocolRef: c.decision.protocolRef,
          justification: c.decision.justification,
          contributionPerYearSek: c.decision.contributionPerYearSek,
        }
      : null,
    handler: officer ? { name: officer.name, email: officer.email, department: department?.name ?? "" } : null,
    transitions: availableTransitions(factsOf(c), options.actor),
    events: events
      .filter((e) => e.type !== "draftSaved")
      .map((e) => ({ ...e, data: e.data ?? {} }))
      .map((e) => ({
        seq: e.seq,
        type: e.type,
        at: e.at.toISOString(),
        actorName: e.actorName,
        officer: typeof e.data.officer === "string" ? e.data.officer : "",
        department: typeof e.data.department === "string" ? e.data.department : "",
        date: typeof e.data.date === "string" ? e.data.date : "",
      })),
    documents: documents.map((d) => ({
      number: d.number,
      date: d.date.toISOString(),
      direction: d.direction,
      title: d.confidential ? "" : d.title,
      sender: d.confidential ? "" : d.sender,
      confidential: d.confidential,
    })),
  };
}

export type CasePageData = Awaited<ReturnType<typeof casePageData>>;

/** The staff case page: the common facts plus routing choices, the organisation's documents and the assessment. */
export async function staffCaseView(
  c: CaseDoc,
  user: SessionUser,
  actor: CaseRelation,
  options: { departmentChoice: string; eurRate?: EurRate },
) {
  const { departmentChoice } = options;
  const [data, dialogue, orgDocuments] = await Promise.all([
    casePageData(c, { staff: true, actor }),
    listDialogue(c, { staff: true }),
    listOrgDocuments({ organisationId: c.organisationId, seenFrom: c.publicBodyId }),
  ]);
  const needsOfficers = data.transitions.includes("route") || data.transitions.includes("reassign");
  const routing = needsOfficers ? await routingChoices(c, departmentChoice) : null;
  const mine = latestDeclaration(c, String(user._id), "assessor");
  const assessment = c.assessment
    ? {
        checks: c.assessment.checks.map((k) => ({ key: k.key, answer: k.answer, comment: k.comment })),
        stateAidBasis: c.assessment.stateAidBasis,
        otherDeMinimisSek: c.assessment.otherDeMinimisSek ?? 0,
        requestedSek: c.assessment.requestedSek ?? 0,
        otherDeMinimisEur: c.assessment.otherDeMinimisEur,
        requestedEur: c.assessment.requestedEur,
        rate: rateView(c.assessment.sekPerEur, c.assessment.rateDate),
        recommendation: c.assessment.recommendation,
        recommendationText: c.assessment.recommendationText,
      }
    : null;
  return {
    ...data,
    dialogue,
    routing,
    orgDocuments: orgDocuments.map((d) => ({
      id: String(d._id),
      title: d.title,
      kind: d.kind,
      filename: d.filename,
      size: d.size,
      href: `/handlaggning/arenden/${String(c._id)}/organisationsdokument/${String(d._id)}`,
    })),
    assessment,
    // The rate the next save converts at (the public body's, set in /admin).
    eurRate: rateView(options.eurRate?.sekPerEur, options.eurRate?.date),
    assessor: mayOnCase("assess", actor),
    declared: mine ? (mine.hasConflict ? ("conflict" as const) : ("noConflict" as const)) : ("none" as const),
  };
}

const rateView = (sekPerEur: number | undefined, date: Date | undefined) =>
  sekPerEur && date ? { sekPerEur, date: dayOf(date) } : null;

export type StaffCaseView = Awaited<ReturnType<typeof staffCaseView>>;

/**
 * What routing offers: every department (the best match by area first), the one chosen (the
 * person's choice, else the current one, else the suggestion: never empty) and only the
 * officers who work there, so the form never offers someone the server would refuse.
 */
async function routingChoices(c: CaseDoc, departmentChoice: string) {
  const [departments, officers] = await Promise.all([suggestDepartments(c), officerChoices(c.publicBodyId)]);
  const options = departments.map((d, i) => ({
    id: String(d._id),
    name: d.name,
    suggested: i === 0 && d.areas.some((a) => c.areas.includes(a)),
  }));
  const current = c.routing ? String(c.routing.departmentId) : "";
  const chosen =
    [departmentChoice, current].find((id) => id && options.some((d) => d.id === id)) ?? options[0]?.id ?? "";
  return {
    departments: options,
    chosen,
    officers: officers
      .filter((o) => o.departmentIds.includes(chosen))
      .map((o) => ({ id: o.id, name: o.name, current: c.routing ? String(c.routing.officerId) === o.id : false })),
  };
}
