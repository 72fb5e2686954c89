import { describe, expect, it } from "vitest";
import {
  availableTransitions,
  CASE_STATUSES,
  nextStatus,
  TRANSITIONS,
  TransitionError,
  type CaseFacts,
  type TransitionName,
} from "~/domain/cases/lifecycle";
import { CASE_POLICY, CASE_RELATIONS } from "~/domain/access/policy";

const ACTORS = CASE_RELATIONS;
const names = Object.keys(TRANSITIONS) as TransitionName[];
const facts = (status: CaseFacts["status"], kind: CaseFacts["kind"] = "proposal", routed = true): CaseFacts => ({
  status,
  kind,
  routed,
});

describe("the case lifecycle table", () => {
  it("follows the documented happy path", () => {
    expect(nextStatus("submit", facts("draft", "proposal", false), "organisation")).toBe("submitted");
    expect(nextStatus("route", facts("submitted"), "coordinator")).toBe("in_dialogue");
    expect(nextStatus("requestCompletion", facts("in_dialogue"), "officer")).toBe("awaiting_completion");
    expect(nextStatus("answerCompletion", facts("awaiting_completion"), "organisation")).toBe("in_dialogue");
    expect(nextStatus("startAssessment", facts("in_dialogue"), "officer")).toBe("in_assessment");
    expect(nextStatus("approve", facts("in_assessment"), "officer")).toBe("approved");
    expect(nextStatus("decline", facts("in_assessment"), "officer")).toBe("declined");
  });

  it("turns a routed idea into a proposal being written (still registered) whose submission returns to the dialogue", () => {
    expect(nextStatus("convertToProposal", facts("in_dialogue", "idea"), "organisation")).toBe("preparing_proposal");
    expect(nextStatus("submit", facts("preparing_proposal", "proposal", true), "organisation")).toBe("in_dialogue");
    expect(() => nextStatus("convertToProposal", facts("in_dialogue", "proposal"), "organisation")).toThrow(
      TransitionError,
    );
    expect(() => nextStatus("startAssessment", facts("in_dialogue", "idea"), "officer")).toThrow(TransitionError);
  });

  it("refuses every transition from every wrong status, with the reason", () => {
    for (const name of names) {
      const t = TRANSITIONS[name];
      const actor = CASE_POLICY[name][0] ?? "stranger";
      for (const status of CASE_STATUSES.filter((s) => !t.from.includes(s))) {
        const error = (() => {
          try {
            nextStatus(name, facts(status, t.kind ?? "proposal"), actor);
          } catch (e) {
            return e;
          }
        })();
        expect(error, `${name} from ${status}`).toBeInstanceOf(TransitionError);
        expect((error as TransitionError).reason).toBe("status");
        expect((error as TransitionError).message).toBe("cases.refused.status");
      }
    }
  });

  it("refuses every transition by every wrong role", () => {
    for (const name of names) {
      const t = TRANSITIONS[name];
      for (const actor of ACTORS.filter((a) => !CASE_POLICY[name].includes(a))) {
        const status = t.from[0] ?? "draft";
        expect(() => nextStatus(name, facts(status, t.kind ?? "proposal"), actor), `${name} by ${actor}`).toThrow(
          expect.objectContaining({ reason: "actor", message: "cases.refused.actor" }),
        );
      }
    }
  });

  it("never lets politicians or strangers change a case, and decisions are final", () => {
    for (const status of CASE_STATUSES) {
      for (const kind of ["idea", "proposal"] as const) {
        expect(availableTransitions(facts(status, kind), "politician")).toEqual([]);
        expect(availableTransitions(facts(status, kind), "stranger")).toEqual([]);
      }
    }
    for (const status of ["declined", "withdrawn", "closed"] as const) {
      for (const actor of ACTORS) expect(availableTransitions(facts(status), actor)).toEqual([]);
    }
    // After approval only the agreement moves on: nobody can re-decide or withdraw.
    for (const actor of ACTORS) {
      const after = availableTransitions(facts("approved"), actor);
      expect(after.filter((t) => t !== "sendForSigning")).toEqual([]);
    }
  });

  it("makes the agreement active with the last signature, not before", () => {
    const pending = { ...facts("agreement_pending_signatures"), signaturesMissing: 2 };
    expect(nextStatus("signAgreement", pending, "organisation")).toBe("agreement_pending_signatures");
    expect(nextStatus("signAgreement", { ...pending, signaturesMissing: 1 }, "officer")).toBe("active");
    expect(() => nextStatus("signAgreement", facts("approved"), "organisation")).toThrow(TransitionError);
    expect(nextStatus("reopenAgreement", pending, "officer")).toBe("approved");
  });

  it("lets the organisation withdraw at any time before the decision", () => {
    for (const status of ["draft", "submitted", "in_dialogue", "awaiting_completion", "in_assessment"] as const) {
      expect(nextStatus("withdraw", facts(status), "organisation")).toBe("withdrawn");
    }
  });
});
