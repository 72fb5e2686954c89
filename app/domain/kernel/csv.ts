import { stringify } from "csv-stringify/sync";

// Every CSV the app writes (docs/transparency.md, "CSV"). A text cell that a spreadsheet would
// run as a formula (it starts with =, +, -, @, a tab or a carriage return: OWASP's "CSV
// injection") gets a leading apostrophe, so an organisation's own text such as
// `=HYPERLINK(…)` is shown, never run. Numbers stay numbers.

type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet may safely open it. */
export const neutralised = (cell: Cell) => (typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell);

const safe = (rows: Cell[][]) => rows.map((row) => row.map(neutralised));

/** RFC 4180 CSV for machines (open data): UTF-8, comma, CRLF, no byte order mark. */
export const machineCsv = (rows: Cell[][]) => stringify(safe(rows), { record_delimiter: "windows" });

/**
 * CSV for people, which Swedish Excel opens right by a double click: UTF-8 with a byte order
 * mark (else å, ä and ö break) and semicolons (the comma is the Swedish decimal sign).
 */
export const spreadsheetCsv = (rows: Cell[][]) =>
  `\uFEFF${stringify(safe(rows), { delimiter: ";", record_delimiter: "windows" })}`;
