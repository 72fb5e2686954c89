import { describe, expect, it } from "vitest";
import { missingFields } from "~/domain/cases/proposal-content";
import { missingInSection, sectionStatus } from "~/domain/cases/proposal-sections";

const idea = {
  title: "Läxhjälp",
  summary: "För barn i åk 4–6",
  areas: ["laxhjalp"],
  contactName: "Lina",
  contactEmail: "l@x.se",
};

describe("completeness check", () => {
  it("accepts a complete idea and names what an incomplete one lacks", () => {
    expect(missingFields("idea", idea)).toEqual([]);
    expect(missingFields("idea", { ...idea, summary: "", areas: [] })).toEqual(["summary", "areas"]);
  });
  it("asks a full proposal for much more than an idea", () => {
    const missing = missingFields("proposal", idea);
    expect(missing).toContain("need");
    expect(missing).toContain("goals");
    expect(missing).toContain("periodStart");
    // The contribution asked for must be answered; 0 is an answer.
    expect(missing).toContain("requestedSekPerYear");
  });
  it("refuses a period that ends before it starts", () => {
    const full = {
      ...idea,
      need: "n",
      targetGroup: "t",
      activities: "a",
      periodStart: "2027-01-01",
      periodEnd: "2026-12-31",
      generalInterest: "g",
      addedValue: "v",
      ownContributionDescription: "o",
      requestedSekPerYear: 0,
      goals: [{ goal: "g", indicator: "i" }],
    };
    expect(missingFields("proposal", full)).toEqual(["periodEnd"]);
    expect(missingFields("proposal", { ...full, periodEnd: "2027-12-31" })).toEqual([]);
  });
});

describe("the proposal's sections", () => {
  const empty = { attachmentCount: 0 };
  it("is not started until something is written, in progress after, done only when said and complete", () => {
    expect(sectionStatus("contributions", { ...empty, ownContributionSek: 0, requestedSekPerYear: null })).toBe(
      "notStarted",
    );
    // 0 kronor asked for is an answer, and starts the section.
    expect(sectionStatus("contributions", { ...empty, requestedSekPerYear: 0 })).toBe("inProgress");
    const contributions = { ownContributionDescription: "Volontärer", requestedSekPerYear: 0 };
    expect(sectionStatus("contributions", { ...empty, ...contributions })).toBe("inProgress");
    expect(sectionStatus("contributions", { ...empty, ...contributions, completedSections: ["contributions"] })).toBe(
      "done",
    );
    // Marked done, then a required field emptied in another tab: no longer done.
    expect(
      sectionStatus("contributions", { ...empty, requestedSekPerYear: 0, completedSections: ["contributions"] }),
    ).toBe("inProgress");
  });
  it("counts attachments for the attachments section, which is optional: done once there are any", () => {
    expect(sectionStatus("attachments", empty)).toBe("optional");
    expect(sectionStatus("attachments", { attachmentCount: 1 })).toBe("done");
    expect(sectionStatus("attachments", { attachmentCount: 0, completedSections: ["attachments"] })).toBe("done");
  });
  it("calls the contact section, filled in from the account, not started until it is saved once", () => {
    const prefilled = { ...empty, contactName: "Lina", contactEmail: "lina@example.org", savedSections: [] };
    expect(sectionStatus("contact", prefilled)).toBe("notStarted");
    expect(sectionStatus("contact", { ...prefilled, savedSections: ["contact"] })).toBe("inProgress");
    // A draft from before saved sections were kept: what is written counts, as before.
    expect(sectionStatus("contact", { ...prefilled, savedSections: undefined })).toBe("inProgress");
  });
  it("names a section's missing fields in form order, and a period that ends before it starts", () => {
    expect(missingInSection("activity", { title: "T", periodStart: "2027-01-01", periodEnd: "2026-01-01" })).toEqual([
      "summary",
      "areas",
      "need",
      "targetGroup",
      "activities",
      "periodEnd",
    ]);
    expect(missingInSection("contact", { contactName: "Lina", contactEmail: "l@x.se" })).toEqual([]);
  });
});
