import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { agreementText, firstDraft } from "~/domain/agreements/agreement-text";
import { agreementPdf } from "~/domain/agreements/pdf.server";
import { pdfText } from "../support/pdf";

// The signed agreement's PDF, read back with poppler's pdftotext (Debian's poppler-utils).

const terms = {
  start: new Date("2027-01-15"),
  end: new Date("2028-12-31"),
  noticeMonths: 3,
  municipalSekPerYear: 150_000,
};
const sections = firstDraft(
  {
    publicBody: "Exempelkommun",
    department: "Socialförvaltningen",
    coDepartments: ["Kultur- och fritidsförvaltningen"],
    organisation: { name: "Föreningen Åäö <script>", orgNumber: "802500-6266", address: "Storgatan 1" },
    summary: "Läxhjälp för barn i årskurs 4–6.",
    need: "Många barn saknar stöd.",
    targetGroup: "Barn",
    activities: "Läxhjälp två kvällar i veckan.",
    generalInterest: "Öppen för alla.",
    addedValue: "",
    partnerOrganisations: "",
    goals: [{ goal: "30 barn", indicator: "antal deltagare" }],
    ownContributionDescription: "Volontärer",
    ownContributionSek: 0,
    volunteerHoursPerYear: 1200,
    ownContributionInKind: "",
    requestedInKind: "",
  },
  terms,
);

describe("the agreement PDF", () => {
  it("holds the signed text, the signatures, the hash and page numbers, as PDF/A-2b", async () => {
    const version = { number: 2, sections, ...terms };
    const hash = "a".repeat(64);
    const pdf = await agreementPdf({
      caseNumber: "KS 2026/0042",
      title: "Läxhjälp",
      publicBody: "Exempelkommun",
      version,
      signatures: [
        {
          name: "Lina Verksamhetschef",
          role: "Firmatecknare",
          party: "organisation",
          at: new Date("2026-11-30T10:00:00Z"),
        },
        {
          name: "Hans Handläggare",
          role: "Enligt delegation",
          party: "municipality",
          at: new Date("2026-11-30T11:00:00Z"),
        },
      ],
      hash,
    });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("<pdfaid:part>2</pdfaid:part>");
    if (process.env.SCREENSHOT_DIR) writeFileSync(join(process.env.SCREENSHOT_DIR, "avtal.pdf"), pdf);
    // The case number and version head every page; each page is numbered.
    const raw = execFileSync("pdftotext", ["-", "-"], { input: pdf }).toString();
    expect(raw.match(/KS 2026\/0042 · Överenskommelse, version 2/g)?.length).toBe(raw.match(/Sida \d av 3/g)?.length);
    expect(raw).toContain("Sida 3 av 3");
    const text = pdfText(pdf, "KS 2026/0042 · Överenskommelse, version 2");
    expect(text).toContain("Överenskommelse om idéburet offentligt partnerskap");
    expect(text).toContain("Föreningen Åäö <script>, organisationsnummer 802500-6266");
    expect(text).toContain("Lina Verksamhetschef");
    expect(text).toContain("30 november 2026 kl. 11:00:00");
    expect(text).toContain(hash);
    // Every line of the signed text is in the PDF.
    for (const line of agreementText(version)
      .split("\n")
      .slice(1)
      .filter((l) => l.trim())) {
      expect(text).toContain(line.replace(/\s+/g, " ").trim());
    }
  });
});
