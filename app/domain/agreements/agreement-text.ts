// The agreement's text (docs/domain.md, "The agreement"): its sections in order, the canonical
// text that is signed and hashed, and the first draft made from the approved proposal. Plain,
// shared by server and browser. The agreement is a Swedish document whatever the reader's
// language, so its headings are Swedish here and the same in every hash.
import type { AgreementSection, AgreementTerms } from "#models/agreement";
import { dayOf } from "../kernel/days";

export const AGREEMENT_SECTIONS = [
  ["parties", "Parter"],
  ["background", "Bakgrund och gemensamma värderingar"],
  ["purpose", "Syfte"],
  ["activities", "Verksamhet"],
  ["organisation", "Hur partnerskapet organiseras"],
  ["goals", "Mål och indikatorer"],
  ["commitments", "Parternas åtaganden och resurser"],
  ["followUp", "Uppföljning"],
  ["changes", "Ändringar och omförhandling"],
  ["termination", "Uppsägning och hävning"],
  ["disputes", "Tvister"],
  ["personalData", "Personuppgifter"],
] as const;
export type AgreementSectionKey = (typeof AGREEMENT_SECTIONS)[number][0];
export const SECTION_KEYS = AGREEMENT_SECTIONS.map(([key]) => key);
export const sectionTitle = (key: string) => AGREEMENT_SECTIONS.find(([k]) => k === key)?.[1] ?? key;

const day = (d: Date | string | undefined) => (d ? dayOf(d) : "–");
// One formatter: building an Intl formatter costs more than the text it formats.
const wholeNumber = new Intl.NumberFormat("sv-SE");
const kronor = (n: number) => `${wholeNumber.format(n)} kr`;

/** The term, notice and money, as they read in the document. */
export function termsText(terms: AgreementTerms) {
  const partners = terms.partners ?? [];
  return [
    `Avtalstid: ${day(terms.start)} – ${day(terms.end)}.`,
    `Uppsägningstid: ${terms.noticeMonths} månader.`,
    `Kommunens bidrag: ${kronor(terms.municipalSekPerYear)} per år.`,
    // Only when there are any: an agreement without co-organisations reads (and hashes) as before.
    ...(partners.length
      ? [`Medverkande organisationer: ${partners.map((p) => `${p.name} (${p.orgNumber})`).join(", ")}.`]
      : []),
  ].join("\n");
}

/**
 * The exact text of a version: what is shown, compared, signed and hashed. Line breaks are
 * normalised, so the same words always give the same hash.
 */
export function agreementText(version: { number: number; sections: AgreementSection[] } & AgreementTerms) {
  const body = new Map(version.sections.map((s) => [s.key, s.text.replace(/\r\n?/g, "\n").trim()]));
  const parts = [`Överenskommelse om idéburet offentligt partnerskap, version ${version.number}`, ""];
  parts.push("Avtalstid och ekonomi", termsText(version), "");
  AGREEMENT_SECTIONS.forEach(([key, title], i) => parts.push(`${i + 1}. ${title}`, body.get(key) ?? "", ""));
  return parts.join("\n").trimEnd() + "\n";
}

export interface DraftSource {
  publicBody: string;
  department: string;
  organisation: { name: string; orgNumber: string; address: string };
  summary: string;
  need: string;
  targetGroup: string;
  activities: string;
  generalInterest: string;
  addedValue: string;
  partnerOrganisations: string;
  /** Departments asked to read along, named as co-operating departments. */
  coDepartments: string[];
  goals: { goal: string; indicator: string }[];
  ownContributionDescription: string;
  ownContributionSek: number;
  volunteerHoursPerYear: number;
  ownContributionInKind: string;
  requestedInKind: string;
}

/** The first draft: what the proposal and the decision already say, in agreement form. */
export function firstDraft(src: DraftSource, terms: AgreementTerms): AgreementSection[] {
  const org = src.organisation.name;
  const lines = (...xs: string[]) => xs.filter((x) => x.trim()).join("\n\n");
  const text: Record<AgreementSectionKey, string> = {
    parties: lines(
      `1. ${src.publicBody}, genom ${src.department} (kommunen).${src.coDepartments.length ? ` Medverkande förvaltningar: ${src.coDepartments.join(", ")}.` : ""}`,
      `2. ${org}, organisationsnummer ${src.organisation.orgNumber}${src.organisation.address ? `, ${src.organisation.address}` : ""} (organisationen).`,
      src.partnerOrganisations ? `Övriga medverkande: ${src.partnerOrganisations}` : "",
    ),
    background: lines(
      src.need,
      src.generalInterest,
      "Parterna samverkar i enlighet med den lokala överenskommelsen mellan kommunen och den idéburna sektorn: ömsesidig respekt, organisationens självständighet och öppenhet.",
    ),
    purpose: src.summary,
    activities: lines(src.activities, src.targetGroup ? `Målgrupp: ${src.targetGroup}` : ""),
    organisation: `En styrgrupp med en företrädare för vardera part träffas minst två gånger per år och följer partnerskapet. En arbetsgrupp sköter det löpande arbetet. ${org} ansvarar för verksamheten; ${src.department} är kommunens kontakt.`,
    goals: src.goals.map((g) => (g.indicator ? `${g.goal} – mäts genom: ${g.indicator}` : g.goal)).join("\n"),
    commitments: lines(
      `Kommunen bidrar med ${kronor(terms.municipalSekPerYear)} per år, som betalas ut kvartalsvis i förskott.${src.requestedInKind ? ` Kommunen bidrar även med: ${src.requestedInKind}` : ""}`,
      `${org} bidrar med: ${src.ownContributionDescription}`,
      src.ownContributionSek ? `Egna medel: ${kronor(src.ownContributionSek)} per år.` : "",
      src.volunteerHoursPerYear
        ? `Ideellt arbete: ${wholeNumber.format(src.volunteerHoursPerYear)} timmar per år.`
        : "",
      src.ownContributionInKind ? `Övrigt: ${src.ownContributionInKind}` : "",
      src.addedValue ? `Mervärde: ${src.addedValue}` : "",
    ),
    followUp:
      "Organisationen lämnar en uppföljningsrapport en gång per år, senast den 31 januari, om verksamheten, målen och indikatorerna ovan och den egna insatsen. Parterna håller ett gemensamt uppföljningsmöte varje år.",
    changes:
      "Ändringar och tillägg gäller bara om de görs skriftligen och skrivs under av båda parter. Vardera part kan begära omförhandling om förutsättningarna för partnerskapet ändras väsentligt.",
    termination: `Vardera part kan säga upp överenskommelsen med ${terms.noticeMonths} månaders uppsägningstid. Vid ett väsentligt avtalsbrott som inte rättas inom 30 dagar efter skriftlig påminnelse kan den andra parten häva överenskommelsen med omedelbar verkan.`,
    disputes: "Tvister löses i första hand genom dialog mellan parterna och i andra hand av allmän domstol.",
    personalData:
      "Var part är personuppgiftsansvarig för de personuppgifter den själv behandlar. Personuppgifter lämnas mellan parterna bara när det behövs för uppföljningen, och då utan känsliga uppgifter.",
  };
  return SECTION_KEYS.map((key) => ({ key, text: text[key] }));
}
