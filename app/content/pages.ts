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

export const accessibility: Record<Lang, TextSection[]> = {
  sv: [
    {
      heading: "Tillgänglighetsredogörelse",
      paragraphs: [
        "Kommunen står bakom Samverka. Vi vill att så många som möjligt ska kunna använda webbplatsen. Här beskriver vi hur Samverka uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, kända tillgänglighetsproblem och hur du kan rapportera brister till oss så att vi kan åtgärda dem.",
      ],
    },
    {
      heading: "Hur tillgänglig är webbplatsen?",
      paragraphs: [
        "Webbplatsen är byggd för att uppfylla WCAG 2.1 nivå AA. Alla sidor fungerar med tangentbord, med skärmläsare och utan JavaScript, och kan förstoras till 200 procent. Varje ny sida kontrolleras automatiskt med verktyget axe innan den publiceras.",
      ],
    },
    {
      heading: "Vad kan du göra om du inte kan använda delar av webbplatsen?",
      paragraphs: [
        "Om du behöver innehåll från Samverka som inte är tillgängligt för dig, men som omfattas av lagen, kan du kontakta civilsamhällskontoret (se kontaktuppgifterna längst ner på sidan). Du kan också lämna ditt förslag muntligt eller på papper.",
      ],
    },
    {
      heading: "Rapportera brister",
      paragraphs: [
        "Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte är beskrivna på den här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns.",
        "Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Myndigheten för digital förvaltning (Digg) som ansvarar för tillsynen.",
      ],
    },
  ],
  en: [
    {
      heading: "Accessibility statement",
      paragraphs: [
        "The municipality is responsible for Samverka. We want as many people as possible to be able to use the site. This page describes how Samverka meets the Swedish Act (2018:1937) on accessibility of digital public services, known accessibility problems, and how you can report shortcomings so that we can fix them.",
      ],
    },
    {
      heading: "How accessible is the site?",
      paragraphs: [
        "The site is built to meet WCAG 2.1 level AA. Every page works with a keyboard, with screen readers and without JavaScript, and can be zoomed to 200 per cent. Each new page is checked automatically with the axe tool before it is published.",
      ],
    },
    {
      heading: "What can you do if you cannot use parts of the site?",
      paragraphs: [
        "If you need content from Samverka that is not accessible to you, contact the civil-society office (see the contact details at the bottom of the page). You can also submit your proposal orally or on paper.",
      ],
    },
    {
      heading: "Report shortcomings",
      paragraphs: [
        "We keep working to improve the accessibility of the site. If you find problems not described here, or think that we do not meet the requirements of the law, please tell us.",
        "If you are not satisfied with how we handle your comments, you can contact the Agency for Digital Government (Digg), which supervises the law.",
      ],
    },
  ],
};
