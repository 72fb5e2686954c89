// Value lists shared by models, schemas and forms (no mongoose here: used in the browser).
export const LEGAL_FORMS = [
  "non_profit_association",
  "foundation",
  "religious_community",
  "economic_association",
  "limited_company_svb",
] as const;
export const ORG_ROLES_LIST = ["org_admin", "org_member"] as const;
export const STAFF_ROLES_LIST = ["coordinator", "officer", "politician", "admin"] as const;
export const ORG_DOCUMENT_KINDS_LIST = ["statutes", "annual_report", "financial_statement", "other"] as const;
/** Document kinds: the organisation's own, plus attachments to a case. */
export const DOCUMENT_KINDS = [...ORG_DOCUMENT_KINDS_LIST, "attachment", "agreement"] as const;

/** Areas (verksamhetsområden) a proposal can concern; routing suggests a department from them. */
export const CASE_AREAS = [
  "social",
  "integration",
  "barn-och-unga",
  "kultur",
  "idrott",
  "fritid",
  "utbildning",
  "laxhjalp",
  "aldre",
  "funktionsstod",
  "halsa",
  "miljo",
] as const;

export const CASE_STATUSES = [
  "draft",
  "submitted",
  "in_dialogue",
  "awaiting_completion",
  "preparing_proposal",
  "in_assessment",
  "approved",
  "declined",
  "withdrawn",
  "closed",
  // After approval: the agreement out for signing, signed and running, and over.
  "agreement_pending_signatures",
  "active",
  "ended",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_KINDS = ["idea", "proposal"] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** The changes to an agreement in force: rewritten (renegotiation) or a later end (extension). */
export const AMENDMENT_KINDS = ["renegotiation", "extension"] as const;

/** How an organisation's authorised signatories sign: each alone, or two jointly ("två i förening"). */
export const SIGNING_RULES = ["alone", "jointly"] as const;

/** Who signs in through an OpenID provider: organisation representatives (e-ID) or municipal staff. */
export const PROVIDER_AUDIENCES = ["organisation", "staff"] as const;

/** A public body is a kommun or a region. */
export const PUBLIC_BODY_KINDS = ["municipality", "region"] as const;

/** Sweden's 21 counties (län) by their official code, for the national register's filter. */
export const COUNTIES = {
  "01": "Stockholms län",
  "03": "Uppsala län",
  "04": "Södermanlands län",
  "05": "Östergötlands län",
  "06": "Jönköpings län",
  "07": "Kronobergs län",
  "08": "Kalmar län",
  "09": "Gotlands län",
  "10": "Blekinge län",
  "12": "Skåne län",
  "13": "Hallands län",
  "14": "Västra Götalands län",
  "17": "Värmlands län",
  "18": "Örebro län",
  "19": "Västmanlands län",
  "20": "Dalarnas län",
  "21": "Gävleborgs län",
  "22": "Västernorrlands län",
  "23": "Jämtlands län",
  "24": "Västerbottens län",
  "25": "Norrbottens län",
} as const;
export type CountyCode = keyof typeof COUNTIES;
