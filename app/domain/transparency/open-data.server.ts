import type { Types } from "mongoose";
import { machineCsv } from "../kernel/csv";
import { readModelVersion } from "../directory/directory.server";
import { contentEtag } from "../kernel/crypto.server";
import { csvRow, OPEN_DATA_FIELDS, openDataRecord, type OpenDataRecord } from "./open-data";
import { registerEntries } from "./register.server";
import { nationalRegisterEntries } from "./national-register.server";
import type { RegisterEntry } from "./register";
import { addressOf, allBodies, frontDoorAddress } from "../public-body/public-body.server";
import { getEnv } from "../kernel/env.server";

// The open-data files: the register as CSV and JSON, and a DCAT-AP-SE description of the
// dataset that Sweden's data portal can harvest (docs/transparency.md).

type Body = {
  _id: Types.ObjectId;
  slug: string;
  name: string;
  kind?: "municipality" | "region";
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

// DCAT-AP-SE 3.0.1 (JSON-LD). Publishers are typed by the ADMS publisher types: a kommun is a
// local authority, a region a regional one; the installation's operator is configured.
const adms = (type: string) => ({ "@id": `http://purl.org/adms/publishertype/${type}` });
const PUBLISHER_TYPES = { municipality: "LocalAuthority", region: "RegionalAuthority" } as const;
const sv = (value: string) => ({ "@language": "sv", "@value": value });
const language = { "@id": "http://publications.europa.eu/resource/authority/language/SWE" };
const CC0 = { "@id": "http://creativecommons.org/publicdomain/zero/1.0/" };
const CONTEXT = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  locn: "http://www.w3.org/ns/locn#",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
};
const date = (value: string) => ({ "@type": "xsd:date", "@value": value });
const dateTime = (at: Date) => ({ "@type": "xsd:dateTime", "@value": at.toISOString() });

type Publisher = ReturnType<typeof publisherOf>;
const publisherOf = (base: string, name: string, type: string) => ({
  "@id": `${base}/#publisher`,
  "@type": "foaf:Agent",
  "foaf:name": sv(name),
  "dct:type": adms(type),
});

/**
 * One dataset of agreements: its two files at `base`, its publisher, the place and the period
 * its agreements cover, and whom to ask.
 */
function dataset(o: {
  base: string;
  identifier: string;
  title: { sv: string; en: string };
  publisher: Publisher;
  place: string;
  contact: { name: string; email?: string };
  entries: RegisterEntry[];
  modified: Date;
}) {
  const days = (pick: (e: RegisterEntry) => string) => o.entries.map(pick).filter(Boolean).sort();
  const starts = days((e) => e.startDate);
  const ends = days((e) => e.endDate);
  const issued = days((e) => e.decisionDate)[0];
  const iana = (type: string) => `https://www.iana.org/assignments/media-types/${type}`;
  const distribution = (format: string, type: string, file: string, description: string) => ({
    "@id": `${o.base}/oppna-data/${file}`,
    "@type": "dcat:Distribution",
    "dct:title": { "@language": "sv", "@value": `IOP-avtal (${format})` },
    "dct:description": sv(description),
    "dcat:accessURL": { "@id": `${o.base}/oppna-data/${file}` },
    "dcat:downloadURL": { "@id": `${o.base}/oppna-data/${file}` },
    "dcat:mediaType": { "@id": iana(type) },
    "dct:format": { "@id": `http://publications.europa.eu/resource/authority/file-type/${format}` },
    "dct:license": CC0,
  });
  return {
    "@id": `${o.base}/oppna-data#avtal`,
    "@type": "dcat:Dataset",
    "dct:title": [
      { "@language": "sv", "@value": o.title.sv },
      { "@language": "en", "@value": o.title.en },
    ],
    "dct:description": sv(
      "Beviljade, gällande och avslutade överenskommelser om idéburet offentligt partnerskap (IOP): organisation, förvaltning, avtalstid, bidrag, beslut och uppföljning. Inga personuppgifter.",
    ),
    "dct:identifier": o.identifier,
    "dct:publisher": o.publisher,
    "dct:modified": dateTime(o.modified),
    "dct:accrualPeriodicity": { "@id": "http://publications.europa.eu/resource/authority/frequency/CONT" },
    "dct:language": language,
    ...(issued ? { "dct:issued": date(issued) } : {}),
    // Where the agreements are made, and the period their terms cover.
    "dct:spatial": { "@type": "dct:Location", "locn:geographicName": sv(o.place) },
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
    "dcat:keyword": [sv("IOP"), sv("idéburet offentligt partnerskap"), sv("civilsamhälle")],
    "dcat:landingPage": { "@id": `${o.base}/register` },
    "dcat:contactPoint": {
      "@type": "vcard:Organization",
      "vcard:fn": o.contact.name,
      ...(o.contact.email ? { "vcard:hasEmail": { "@id": `mailto:${o.contact.email}` } } : {}),
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
  };
}

/** A body's dataset, at its own address, published by the body. */
async function bodyDataset(publicBody: Body, modified: Date) {
  const [base, { entries }] = await Promise.all([addressOf(publicBody._id), registerEntries(publicBody)]);
  const publisher = publisherOf(base, publicBody.name, PUBLISHER_TYPES[publicBody.kind ?? "municipality"]);
  return {
    base,
    publisher,
    entries,
    dataset: dataset({
      base,
      identifier: `samverka-${publicBody.slug}-iop-avtal`,
      title: { sv: `IOP-avtal i ${publicBody.name}`, en: `IOP agreements of ${publicBody.name}` },
      publisher,
      place: publicBody.name,
      contact: { name: `${publicBody.officeName}, ${publicBody.name}`, email: publicBody.officeEmail },
      entries,
      modified,
    }),
  };
}

const catalogue = (o: {
  base: string;
  title: string;
  description: string;
  publisher: Publisher;
  modified: Date;
  datasets: object[];
}) => ({
  "@context": CONTEXT,
  "@id": `${o.base}/oppna-data/katalog.jsonld`,
  "@type": "dcat:Catalog",
  "dct:title": sv(o.title),
  "dct:description": sv(o.description),
  "dct:publisher": o.publisher,
  "dct:license": CC0,
  "dct:language": language,
  "dct:modified": dateTime(o.modified),
  "dcat:themeTaxonomy": { "@id": "http://publications.europa.eu/resource/authority/data-theme" },
  "foaf:homepage": { "@id": `${o.base}/register` },
  "dcat:dataset": o.datasets.length === 1 ? o.datasets[0] : o.datasets,
});

/** A body's catalogue (at its address): its one dataset, published by the body. */
export async function catalog(publicBody: Body) {
  const { at: modified } = await readModelVersion();
  const own = await bodyDataset(publicBody, modified);
  const doc = catalogue({
    base: own.base,
    title: `Öppna data från Samverka, ${publicBody.name}`,
    description: "Kommunens överenskommelser om idéburet offentligt partnerskap.",
    publisher: own.publisher,
    modified,
    datasets: [own.dataset],
  });
  return { body: JSON.stringify(doc, null, 1), modified };
}

/**
 * The national catalogue at the front door (decision 028): the national dataset (every body's
 * agreements, published by the installation's operator) and one dataset per body, each
 * published by that body at its own address.
 */
export async function nationalCatalog() {
  const { at: modified } = await readModelVersion();
  const { OPERATOR_NAME, OPERATOR_EMAIL, OPERATOR_PUBLISHER_TYPE } = getEnv();
  const base = frontDoorAddress();
  const operator = publisherOf(base, OPERATOR_NAME, OPERATOR_PUBLISHER_TYPE);
  const [entries, bodies] = await Promise.all([nationalRegisterEntries(), allBodies()]);
  const perBody = await Promise.all(bodies.map((b) => bodyDataset(b, modified)));
  const national = dataset({
    base,
    identifier: "samverka-iop-avtal",
    title: { sv: "IOP-avtal i alla kommuner och regioner i Samverka", en: "IOP agreements of every body in Samverka" },
    publisher: operator,
    place: "Sverige",
    contact: { name: OPERATOR_NAME, ...(OPERATOR_EMAIL ? { email: OPERATOR_EMAIL } : {}) },
    entries,
    modified,
  });
  const doc = catalogue({
    base,
    title: `Öppna data från Samverka: ${OPERATOR_NAME}`,
    description:
      "Överenskommelser om idéburet offentligt partnerskap hos alla kommuner och regioner som använder Samverka.",
    publisher: operator,
    modified,
    datasets: [national, ...perBody.sort((a, b) => a.base.localeCompare(b.base)).map((d) => d.dataset)],
  });
  return { body: JSON.stringify(doc, null, 1), modified };
}
