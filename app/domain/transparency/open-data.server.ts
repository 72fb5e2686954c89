import type { Types } from "mongoose";
import { machineCsv } from "../kernel/csv";
import { readModelVersion } from "../directory/directory.server";
import { contentEtag } from "../kernel/crypto.server";
import { csvRow, OPEN_DATA_FIELDS, openDataRecord, type OpenDataRecord } from "./open-data";
import { registerEntries } from "./register.server";
import { nationalRegisterEntries } from "./national-register.server";
import type { RegisterEntry } from "./register";
import { addressOf } from "../public-body/public-body.server";

// The open-data files: the register as CSV and JSON, and a DCAT-AP-SE description of the
// dataset that Sweden's data portal can harvest (docs/transparency.md).

type Body = {
  _id: Types.ObjectId;
  slug: string;
  name: string;
  officeName: string;
  officeEmail: string;
  orgNumber?: string;
};

// Each file is made once per version of the register (its entries are a new array then) and
// kept, already encoded as UTF-8, with its ETag: the files grow with the agreements, and
// harvesters fetch them often.
type File = { body: Buffer<ArrayBuffer>; etag: string };
const files = new WeakMap<object, Map<string, File>>();

type Rows = (records: OpenDataRecord[]) => string;
const FORMATS: Record<"csv" | "json", Rows> = {
  // RFC 4180 CSV (UTF-8, comma) with a header row of the field names; no cell runs as a formula.
  csv: (rows) =>
    machineCsv([OPEN_DATA_FIELDS.map(([key]) => key), ...rows.map((r) => csvRow(r) as (string | number)[])]),
  json: (rows) => JSON.stringify(rows, null, 1),
};

/** A file of `entries` (kept per version of them), and when its data last changed. */
async function fileOf<E extends RegisterEntry>(entries: E[], format: "csv" | "json", record: (e: E) => OpenDataRecord) {
  const made = files.get(entries) ?? new Map<string, File>();
  files.set(entries, made);
  let kept = made.get(format);
  if (!kept) {
    const body = Buffer.from(FORMATS[format](entries.map(record)));
    kept = { body, etag: contentEtag(body) };
    made.set(format, kept);
  }
  return { ...kept, modified: (await readModelVersion()).at };
}

/** The body's agreements as CSV or JSON (fields in docs/transparency.md). */
export async function agreementsFile(publicBody: Body, format: "csv" | "json") {
  const [{ entries }, base] = await Promise.all([registerEntries(publicBody), addressOf(publicBody._id)]);
  return fileOf(entries, format, (e) => openDataRecord(e, base, publicBody));
}

/** Every body's agreements in one file, each row naming its body (the front door, decision 028). */
export async function nationalAgreementsFile(format: "csv" | "json") {
  return fileOf(await nationalRegisterEntries(), format, (e) => openDataRecord(e, e.publicBody.url, e.publicBody));
}

/**
 * The dataset's DCAT-AP-SE 3.0.1 description (JSON-LD): publisher (a local authority, by the ADMS
 * publisher types), licence, language, place and period covered, themes, and the two
 * distributions, each described.
 */
export async function catalog(publicBody: Body) {
  const base = await addressOf(publicBody._id);
  const [{ at: modified }, { entries }] = await Promise.all([readModelVersion(), registerEntries(publicBody)]);
  const days = (pick: (e: (typeof entries)[number]) => string) => entries.map(pick).filter(Boolean).sort();
  const starts = days((e) => e.startDate);
  const ends = days((e) => e.endDate);
  const issued = days((e) => e.decisionDate)[0];
  const sv = (value: string) => ({ "@language": "sv", "@value": value });
  const date = (value: string) => ({ "@type": "xsd:date", "@value": value });
  const iana = (type: string) => `https://www.iana.org/assignments/media-types/${type}`;
  const distribution = (format: string, type: string, file: string, description: string) => ({
    "@id": `${base}/oppna-data/${file}`,
    "@type": "dcat:Distribution",
    "dct:title": { "@language": "sv", "@value": `IOP-avtal (${format})` },
    "dct:description": sv(description),
    "dcat:accessURL": { "@id": `${base}/oppna-data/${file}` },
    "dcat:downloadURL": { "@id": `${base}/oppna-data/${file}` },
    "dcat:mediaType": { "@id": iana(type) },
    "dct:format": { "@id": `http://publications.europa.eu/resource/authority/file-type/${format}` },
    "dct:license": { "@id": "http://creativecommons.org/publicdomain/zero/1.0/" },
  });
  const publisher = {
    "@id": `${base}/#publisher`,
    "@type": "foaf:Agent",
    "foaf:name": sv(publicBody.name),
    "dct:type": { "@id": "http://purl.org/adms/publishertype/LocalAuthority" },
  };
  const language = { "@id": "http://publications.europa.eu/resource/authority/language/SWE" };
  const doc = {
    "@context": {
      dcat: "http://www.w3.org/ns/dcat#",
      dct: "http://purl.org/dc/terms/",
      foaf: "http://xmlns.com/foaf/0.1/",
      locn: "http://www.w3.org/ns/locn#",
      vcard: "http://www.w3.org/2006/vcard/ns#",
      xsd: "http://www.w3.org/2001/XMLSchema#",
    },
    "@id": `${base}/oppna-data/katalog.jsonld`,
    "@type": "dcat:Catalog",
    "dct:title": { "@language": "sv", "@value": `Öppna data från Samverka, ${publicBody.name}` },
    "dct:description": {
      "@language": "sv",
      "@value": "Kommunens överenskommelser om idéburet offentligt partnerskap.",
    },
    "dct:publisher": publisher,
    "dct:license": { "@id": "http://creativecommons.org/publicdomain/zero/1.0/" },
    "dct:language": language,
    "dct:modified": { "@type": "xsd:dateTime", "@value": modified.toISOString() },
    ...(issued ? { "dct:issued": date(issued) } : {}),
    "dcat:themeTaxonomy": { "@id": "http://publications.europa.eu/resource/authority/data-theme" },
    "foaf:homepage": { "@id": `${base}/register` },
    "dcat:dataset": {
      "@id": `${base}/oppna-data#avtal`,
      "@type": "dcat:Dataset",
      "dct:title": [
        { "@language": "sv", "@value": `IOP-avtal i ${publicBody.name}` },
        { "@language": "en", "@value": `IOP agreements of ${publicBody.name}` },
      ],
      "dct:description": {
        "@language": "sv",
        "@value":
          "Beviljade, gällande och avslutade överenskommelser om idéburet offentligt partnerskap (IOP): organisation, förvaltning, avtalstid, kommunens bidrag, beslut och uppföljning. Inga personuppgifter.",
      },
      "dct:identifier": `samverka-${publicBody.slug}-iop-avtal`,
      "dct:publisher": publisher,
      "dct:modified": { "@type": "xsd:dateTime", "@value": modified.toISOString() },
      "dct:accrualPeriodicity": { "@id": "http://publications.europa.eu/resource/authority/frequency/CONT" },
      "dct:language": language,
      ...(issued ? { "dct:issued": date(issued) } : {}),
      // The municipality the agreements are made in, and the period their terms cover.
      "dct:spatial": { "@type": "dct:Location", "locn:geographicName": sv(publicBody.name) },
      ...(starts.length && ends.length
        ? {
            "dct:temporal": {
              "@type": "dct:PeriodOfTime",
              "dcat:startDate": date(starts[0]!),
              "dcat:endDate": date(ends.at(-1)!),
            },
          }
        : {}),
      "dcat:theme": { "@id": "http://publications.europa.eu/resource/authority/data-theme/GOVE" },
      "dcat:keyword": [
        { "@language": "sv", "@value": "IOP" },
        { "@language": "sv", "@value": "idéburet offentligt partnerskap" },
        { "@language": "sv", "@value": "civilsamhälle" },
      ],
      "dcat:landingPage": { "@id": `${base}/register` },
      "dcat:contactPoint": {
        "@type": "vcard:Organization",
        "vcard:fn": `${publicBody.officeName}, ${publicBody.name}`,
        "vcard:hasEmail": { "@id": `mailto:${publicBody.officeEmail}` },
      },
      "dcat:distribution": [
        distribution(
          "CSV",
          "text/csv",
          "avtal.csv",
          "Registret som CSV (RFC 4180, UTF-8, komma), en rad per överenskommelse med fältnamnen i första raden.",
        ),
        distribution(
          "JSON",
          "application/json",
          "avtal.json",
          "Registret som JSON, en post per överenskommelse med samma fält som CSV-filen.",
        ),
      ],
    },
  };
  return { body: JSON.stringify(doc, null, 1), modified };
}
