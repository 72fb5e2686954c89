// Longer texts of the information pages, per language. Each section: heading + paragraphs.
import type { Lang } from "~/i18n";

export interface TextSection {
  heading: string;
  paragraphs: string[];
}

export const aboutIop: Record<Lang, TextSection[]> = {
  sv: [
    {
      heading: "Vad är ett idéburet offentligt partnerskap?",
      paragraphs: [
        "Ett idéburet offentligt partnerskap (IOP) är ett avtal mellan kommunen och en eller flera idéburna organisationer om att tillsammans driva en verksamhet som ligger i allmänhetens intresse. Idén kommer ofta från organisationen själv.",
        "Båda parter bidrar. Kommunen bidrar med pengar, lokaler eller annat stöd. Organisationen bidrar med egen insats: ideella timmar, egna medel, lokaler, nätverk och kunskap. Ni sätter gemensamma mål och följer upp dem tillsammans.",
      ],
    },
    {
      heading: "Vad IOP inte är",
      paragraphs: [
        "IOP är inte en upphandling: om det finns en marknad där företag konkurrerar om att utföra tjänsten ska kommunen pröva det i en upphandling. IOP är inte heller ett vanligt föreningsbidrag: partnerskapet bygger på ett gemensamt åtagande med mål och uppföljning.",
      ],
    },
    {
      heading: "Vem kan ingå IOP?",
      paragraphs: [
        "Idéburna organisationer utan vinstsyfte: ideella föreningar, stiftelser, registrerade trossamfund, ekonomiska föreningar och aktiebolag med särskild vinstutdelningsbegränsning.",
      ],
    },
    {
      heading: "Så handläggs ditt förslag",
      paragraphs: [
        "Allt tas emot av civilsamhällskontoret, som registrerar ärendet med ett diarienummer och utser en ansvarig förvaltning och handläggare. Handläggaren för en dialog med er, bedömer förslaget mot kommunens kriterier för IOP och lagens krav, och beslut fattas av nämnden eller av en tjänsteperson med delegation. Vid bifall skriver ni ett avtal och följer upp verksamheten enligt en plan.",
        "Allt som lämnas in blir en allmän handling. Skriv därför inte känsliga personuppgifter i förslaget.",
      ],
    },
  ],
  en: [
    {
      heading: "What is a non-profit public partnership?",
      paragraphs: [
        "A non-profit public partnership (IOP) is an agreement between the municipality and one or more non-profit organisations to run an activity of general interest together. The idea often comes from the organisation itself.",
        "Both parties contribute. The municipality contributes money, premises or other support. The organisation contributes its own effort: volunteer hours, own funds, premises, networks and knowledge. You set joint goals and follow them up together.",
      ],
    },
    {
      heading: "What IOP is not",
      paragraphs: [
        "IOP is not procurement: where there is a market in which companies compete to deliver the service, the municipality must test it through procurement. Nor is IOP an ordinary association grant: the partnership rests on a joint commitment with goals and follow-up.",
      ],
    },
    {
      heading: "Who can enter an IOP?",
      paragraphs: [
        "Non-profit organisations: non-profit associations, foundations, registered religious communities, economic associations and limited companies with a special profit distribution limitation.",
      ],
    },
    {
      heading: "How your proposal is handled",
      paragraphs: [
        "Everything is received by the civil-society office, which registers the case with a case number and appoints a responsible department and officer. The officer holds a dialogue with you, assesses the proposal against the municipality's IOP criteria and the law, and a committee or an officer with delegated authority decides. If approved, you sign an agreement and follow up the activity according to a plan.",
        "Everything you submit becomes an official document. Do not write sensitive personal data in the proposal.",
      ],
    },
  ],
};
