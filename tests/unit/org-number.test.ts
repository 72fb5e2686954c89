import { describe, expect, it } from "vitest";
import { formatOrgNumber, orgNumberProblem, withCheckDigit } from "~/domain/kernel/org-number";

describe("organisationsnummer", () => {
  it("accepts real-looking numbers with a valid Luhn check digit", () => {
    expect(orgNumberProblem("802400-1375")).toBeNull();
    expect(orgNumberProblem("8024001375")).toBeNull();
    expect(orgNumberProblem("16802400-1375")).toBeNull(); // 12-digit form with century prefix
    expect(orgNumberProblem("556036-0793")).toBeNull(); // an aktiebolag
  });
  it("refuses a wrong check digit", () => {
    expect(orgNumberProblem("802400-1374")).toBe("checkDigit");
  });
  it("refuses wrong formats", () => {
    for (const bad of ["", "80240-1375", "802400-13755", "abcdef-ghij", "802400_1375", "<script>"]) {
      expect(orgNumberProblem(bad)).toBe("format");
    }
  });
  it("refuses personnummer (month digits below 20)", () => {
    expect(orgNumberProblem(withCheckDigit("811218987"))).toBe("personalNumber");
  });
  it("formats as NNNNNN-NNNN", () => {
    expect(formatOrgNumber("8024001375")).toBe("802400-1375");
    expect(formatOrgNumber("16 802400 1375")).toBe("802400-1375");
    expect(withCheckDigit("802400137")).toBe("802400-1375");
  });
});

describe("the example in the hints", () => {
  it("is a number the check accepts", async () => {
    const { default: sv } = await import("~/locales/sv");
    const example = /\d{6}-\d{4}/.exec(sv.org.orgNumberHint)?.[0] ?? "";
    expect(example).toBe("802000-0009");
    expect(orgNumberProblem(example)).toBeNull();
  });
});
