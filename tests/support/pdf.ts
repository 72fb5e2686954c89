import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The text of a PDF as poppler's `pdftotext` reads it, whitespace collapsed and the page
 * furniture (`header` at the top of each page, "Sida n av m" at the bottom) taken out, so a
 * paragraph split over two pages reads as one.
 */
export function pdfText(pdf: Buffer, header: string) {
  const dir = mkdtempSync(join(tmpdir(), "pdf-"));
  writeFileSync(join(dir, "file.pdf"), pdf);
  const text = execFileSync("pdftotext", [join(dir, "file.pdf"), "-"])
    .toString()
    .replace(/\s+/g, " ");
  return text
    .split(header)
    .join(" ")
    .replace(/ ?Sida \d+ av \d+ ?/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
