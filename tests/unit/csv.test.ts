import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { machineCsv, neutralised, spreadsheetCsv } from "~/domain/kernel/csv";

// Every CSV the app writes neutralises cells a spreadsheet would run as a formula (OWASP).

describe("CSV cells", () => {
  it("prefixes a text that starts like a formula with an apostrophe, and leaves the rest", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(neutralised(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutralised("Läxhjälp = glädje")).toBe("Läxhjälp = glädje");
    expect(neutralised(-5)).toBe(-5);
    expect(neutralised("")).toBe("");
  });

  it("writes RFC 4180 for machines and semicolons with a byte order mark for Swedish Excel", () => {
    const rows = [
      ["titel", "belopp"],
      ['=HYPERLINK("x")', 1500],
    ];
    const machine = machineCsv(rows);
    expect(machine.startsWith("\uFEFF")).toBe(false);
    expect(parse(machine)).toEqual([
      ["titel", "belopp"],
      ['\'=HYPERLINK("x")', "1500"],
    ]);
    const people = spreadsheetCsv(rows);
    expect(people.startsWith("\uFEFFtitel;belopp\r\n")).toBe(true);
    expect(parse(people.slice(1), { delimiter: ";" })[1]).toEqual(['\'=HYPERLINK("x")', "1500"]);
  });
});
