import { describe, expect, it } from "vitest";
import { missingFields } from "~/domain/cases/proposal-content";

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
      goals: [{ goal: "g", indicator: "i" }],
    };
    expect(missingFields("proposal", full)).toEqual(["periodEnd"]);
    expect(missingFields("proposal", { ...full, periodEnd: "2027-12-31" })).toEqual([]);
  });
});
