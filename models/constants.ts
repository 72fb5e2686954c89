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
