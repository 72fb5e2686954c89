import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import type { AgreementSection, AgreementTerms, Signature } from "#models/agreement";
import { AGREEMENT_SECTIONS, agreementText } from "./agreement-text";

// The signed agreement as PDF/A-2b (docs/decisions/012-agreement-pdf.md): PDFKit with DejaVu
// Sans embedded (Swedish characters, and PDF/A wants every font embedded), the case number and
// version on every page, page numbers, and a signature page with each signature and the hash.

const fontDir = () => join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");

const when = (d: Date) =>
  new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeStyle: "medium", timeZone: "Europe/Stockholm" }).format(d);

export interface PdfInput {
  caseNumber: string;
  title: string;
  publicBody: string;
  version: { number: number; sections: AgreementSection[] } & AgreementTerms;
  signatures: Pick<Signature, "name" | "role" | "party" | "at">[];
  hash: string;
}

const HEADINGS = new Set(["Avtalstid och ekonomi", ...AGREEMENT_SECTIONS.map(([, title], i) => `${i + 1}. ${title}`)]);
const isHeading = (line: string) => HEADINGS.has(line);

export function agreementPdf(input: PdfInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 80, bottom: 80, left: 64, right: 64 },
    pdfVersion: "1.7",
    subset: "PDF/A-2b",
    lang: "sv-SE",
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: `Överenskommelse ${input.caseNumber}, version ${input.version.number}`,
      Author: input.publicBody,
      Subject: input.title,
      Creator: "Samverka",
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("Sans", join(fontDir(), "DejaVuSans.ttf"));
  doc.registerFont("Sans-Bold", join(fontDir(), "DejaVuSans-Bold.ttf"));

  doc.font("Sans-Bold").fontSize(18).text("Överenskommelse om idéburet offentligt partnerskap");
  doc.moveDown(0.3).font("Sans").fontSize(12).text(input.title);
  doc.fontSize(10).text(`Diarienummer ${input.caseNumber} · Version ${input.version.number}`);
  doc.moveDown();
  // The body is the signed text line by line (its first line, the title, is above).
  for (const line of agreementText(input.version).split("\n").slice(1)) {
    if (!line.trim()) doc.moveDown(0.5);
    else if (isHeading(line)) doc.moveDown(0.3).font("Sans-Bold").fontSize(12).text(line).moveDown(0.2);
    else doc.font("Sans").fontSize(10.5).text(line, { lineGap: 2 });
  }

  doc.addPage();
  doc.font("Sans-Bold").fontSize(14).text("Underskrifter");
  doc
    .moveDown(0.5)
    .font("Sans")
    .fontSize(10.5)
    .text(
      `Parterna har skrivit under version ${input.version.number} i Samverka. Varje undertecknare loggade in och bekräftade med sitt lösenord; kontrollsumman nedan är beräknad på den undertecknade texten.`,
    );
  for (const s of input.signatures) {
    doc.moveDown().font("Sans-Bold").fontSize(11).text(s.name);
    doc.font("Sans").fontSize(10.5).text(s.role);
    doc.text(`${s.party === "organisation" ? "För organisationen" : "För kommunen"}, undertecknat ${when(s.at)}`);
  }
  doc.moveDown().font("Sans-Bold").fontSize(10.5).text("Kontrollsumma för texten (SHA-256)");
  doc.font("Sans").fontSize(9).text(input.hash);

  // The case number and version at the top of every page, the page number at the bottom.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { top, bottom, left } = doc.page.margins;
    doc.page.margins.top = 0;
    doc.page.margins.bottom = 0;
    doc
      .font("Sans")
      .fontSize(8.5)
      .text(`${input.caseNumber} · Överenskommelse, version ${input.version.number}`, left, 40, { lineBreak: false });
    doc.text(`Sida ${i + 1} av ${range.count}`, left, doc.page.height - 50, { lineBreak: false });
    doc.page.margins.top = top;
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
