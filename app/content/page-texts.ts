// Texts the public body's administrators can change (Administration → Sidtexter), with the
// defaults Samverka starts with. Format: "## Heading" starts a section, blank lines separate
// paragraphs, web addresses become links.
import type { Lang } from "~/i18n";
import type { TextSection } from "./pages";

export const PAGE_TEXT_KEYS = ["aboutIop", "accessibility", "privacy", "appeal"] as const;
export type PageTextKey = (typeof PAGE_TEXT_KEYS)[number];

export function parsePageText(body: string): TextSection[] {
  const sections: TextSection[] = [];
  for (const block of body.replace(/\r\n/g, "\n").split(/\n{2,}/)) {
    const text = block.trim();
    if (!text) continue;
    if (text.startsWith("## ")) {
      const [heading = "", ...rest] = text.split("\n");
      sections.push({ heading: heading.slice(3).trim(), paragraphs: rest.length ? [rest.join(" ").trim()] : [] });
    } else if (sections.length) {
      sections[sections.length - 1]?.paragraphs.push(text.replace(/\n/g, " "));
    } else {
      sections.push({ heading: "", paragraphs: [text.replace(/\n/g, " ")] });
    }
  }
  return sections;
}

const DEFAULTS: Record<PageTextKey, Record<Lang, string>> = {
  aboutIop: {
    sv: `## Vad är ett idéburet offentligt partnerskap?

Ett idéburet offentligt partnerskap (IOP) är ett avtal mellan kommunen och en eller flera idéburna organisationer om att tillsammans driva en verksamhet som ligger i allmänhetens intresse. Idén kommer ofta från organisationen själv.

Båda parter bidrar. Kommunen bidrar med pengar, lokaler eller annat stöd. Organisationen bidrar med egen insats: ideella timmar, egna medel, lokaler, nätverk och kunskap. Ni sätter gemensamma mål och följer upp dem tillsammans.

## Vad IOP inte är

IOP är inte en upphandling: om det finns en marknad där företag konkurrerar om att utföra tjänsten ska kommunen pröva det i en upphandling. IOP är inte heller ett vanligt föreningsbidrag: partnerskapet bygger på ett gemensamt åtagande med mål och uppföljning.

## Vem kan ingå IOP?

Idéburna organisationer utan vinstsyfte: ideella föreningar, stiftelser, registrerade trossamfund, ekonomiska föreningar och aktiebolag med särskild vinstutdelningsbegränsning.

## Så handläggs ditt förslag

Allt tas emot av civilsamhällskontoret, som registrerar ärendet med ett diarienummer och utser en ansvarig förvaltning och handläggare. Handläggaren för en dialog med er, bedömer förslaget mot kommunens kriterier för IOP och lagens krav, och beslut fattas av nämnden eller av en tjänsteperson med delegation. Vid bifall skriver ni ett avtal och följer upp verksamheten enligt en plan.

Allt som lämnas in blir en allmän handling. Skriv därför inte känsliga personuppgifter i förslaget.

## Den lokala överenskommelsen

Kommunen och den idéburna sektorn har kommit överens om hur vi samverkar. IOP är en av formerna för samverkan enligt överenskommelsen. Den bygger på sex principer:

Självständighet och oberoende. Organisationerna bestämmer själva över sin verksamhet och får granska och kritisera kommunen, också när de samverkar med den.

Dialog. Kommunen bjuder in till dialog i god tid innan beslut som berör civilsamhället, och organisationerna kan själva ta initiativ till dialog.

Kvalitet. Båda parter arbetar för att verksamheten håller god kvalitet för dem den är till för, och följer upp den tillsammans.

Långsiktighet. Samverkan planeras för flera år när det går, så att organisationerna kan bygga upp verksamheten och behålla sina volontärer.

Öppenhet och insyn. Avtal, bidrag och uppföljning är öppna för alla; registret och de öppna data på den här webbplatsen är en del av det.

Mångfald. Kommunen välkomnar organisationer av olika slag och storlek, också små och nya, och gör det enkelt att ta kontakt: en väg in genom civilsamhällskontoret.

Överenskommelsen följs upp varje år vid ett gemensamt möte mellan kommunen och civilsamhällets organisationer. Administratören kan ersätta den här texten med kommunens egen överenskommelse under Administration → Sidtexter.

## Registret och öppna data

Alla beviljade, gällande och avslutade IOP-avtal finns i registret över IOP-avtal, med organisation, förvaltning, avtalstid, kommunens bidrag och hur uppföljningen går. Registret finns också som öppna data (CSV och JSON) som vem som helst får använda fritt.`,
    en: `## What is a non-profit public partnership?

A non-profit public partnership (IOP) is an agreement between the municipality and one or more non-profit organisations to run an activity of general interest together. The idea often comes from the organisation itself.

Both parties contribute. The municipality contributes money, premises or other support. The organisation contributes its own effort: volunteer hours, own funds, premises, networks and knowledge. You set joint goals and follow them up together.

## What IOP is not

IOP is not procurement: where there is a market in which companies compete to deliver the service, the municipality must test it through procurement. Nor is IOP an ordinary association grant: the partnership rests on a joint commitment with goals and follow-up.

## Who can enter an IOP?

Non-profit organisations: non-profit associations, foundations, registered religious communities, economic associations and limited companies with a special profit distribution limitation.

## How your proposal is handled

Everything is received by the civil-society office, which registers the case with a case number and appoints a responsible department and officer. The officer holds a dialogue with you, assesses the proposal against the municipality's IOP criteria and the law, and a committee or an officer with delegated authority decides. If approved, you sign an agreement and follow up the activity according to a plan.

Everything you submit becomes an official document. Do not write sensitive personal data in the proposal.

## The local agreement

The municipality and the non-profit sector have agreed on how we work together. IOP is one of the forms of cooperation under that agreement. It rests on six principles:

Independence. The organisations decide over their own activities and may scrutinise and criticise the municipality, also while working with it.

Dialogue. The municipality invites dialogue in good time before decisions that concern civil society, and the organisations may take the initiative themselves.

Quality. Both parties work for activities of good quality for those they serve, and follow them up together.

Long term. Cooperation is planned over several years where possible, so that organisations can build their activities and keep their volunteers.

Openness. Agreements, contributions and follow-up are open to everyone; the register and the open data on this site are part of that.

Diversity. The municipality welcomes organisations of every kind and size, small and new ones too, and makes contact easy: one way in through the civil-society office.

The agreement is followed up every year at a joint meeting of the municipality and civil society's organisations. The administrator can replace this text with the municipality's own agreement under Administration → Page texts.

## The register and open data

Every approved, active and ended IOP agreement is in the register of IOP agreements, with the organisation, the department, the term, the municipal contribution and how the follow-up goes. The register is also open data (CSV and JSON) that anyone may use freely.`,
  },
  accessibility: {
    sv: `## Tillgänglighetsredogörelse

Kommunen står bakom Samverka. Vi vill att så många som möjligt ska kunna använda webbplatsen. Här beskriver vi hur Samverka uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, kända tillgänglighetsproblem och hur du kan rapportera brister till oss så att vi kan åtgärda dem.

## Hur tillgänglig är webbplatsen?

Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan. Den är byggd för att uppfylla WCAG 2.1 nivå AA: alla sidor fungerar med tangentbord, med skärmläsare och utan JavaScript, går att förstora till 200 procent och fungerar på en skärm som är 320 pixlar bred.

## Kända brister

Bilagor och dokument som organisationer laddar upp (till exempel PDF-filer) kan vara otillgängliga. Kommunen kan inte alltid göra dem tillgängliga, men kan läsa upp eller beskriva innehållet på begäran.

Avstavning av långa ord beror på webbläsarens ordlistor och kan bli fel i vissa webbläsare.

## Hur vi testat webbplatsen

Varje ny version kontrolleras automatiskt med verktyget axe mot WCAG 2.1 AA och för omflödning vid 320 pixlars bredd, och de viktigaste flödena provas med tangentbord och utan JavaScript. Senaste bedömning: 30 november 2026.

## Vad kan du göra om du inte kan använda delar av webbplatsen?

Om du behöver innehåll från Samverka som inte är tillgängligt för dig, kontakta civilsamhällskontoret (se kontaktuppgifterna längst ner på sidan). Du kan också lämna ditt förslag muntligt eller på papper.

## Rapportera brister

Om du upptäcker problem som inte är beskrivna på den här sidan, eller om du anser att vi inte uppfyller lagens krav, kontakta civilsamhällskontoret så att vi får veta att problemet finns.

## Tillsyn

Myndigheten för digital förvaltning (Digg) ansvarar för tillsynen av lagen. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du anmäla det till Digg: https://www.digg.se/tdosanmalan`,
    en: `## Accessibility statement

The municipality is responsible for Samverka. We want as many people as possible to be able to use the site. This page describes how Samverka meets the Swedish Act (2018:1937) on accessibility of digital public services, known accessibility problems, and how you can report shortcomings so that we can fix them.

## How accessible is the site?

The site is partially compliant with the Act, because of the shortcomings described below. It is built to meet WCAG 2.1 level AA: every page works with a keyboard, with screen readers and without JavaScript, can be zoomed to 200 per cent and works on a screen 320 pixels wide.

## Known shortcomings

Attachments and documents uploaded by organisations (for example PDF files) may not be accessible. The municipality cannot always make them accessible, but can read out or describe the content on request.

Hyphenation of long words depends on the browser's dictionaries and can be wrong in some browsers.

## How we tested the site

Every new version is checked automatically with the axe tool against WCAG 2.1 AA and for reflow at 320 pixels wide, and the main journeys are tried with a keyboard and without JavaScript. Latest assessment: 30 November 2026.

## What can you do if you cannot use parts of the site?

If you need content from Samverka that is not accessible to you, contact the civil-society office (see the contact details at the bottom of the page). You can also submit your proposal orally or on paper.

## Report shortcomings

If you find problems not described here, or think that we do not meet the requirements of the law, contact the civil-society office so that we know about the problem.

## Supervision

The Agency for Digital Government (Digg) supervises the Act. If you are not satisfied with how we handle your comments, you can report it to Digg: https://www.digg.se/tdosanmalan`,
  },
  privacy: {
    sv: `## Så behandlar vi dina personuppgifter

## Personuppgiftsansvarig

Kommunstyrelsen i kommunen är personuppgiftsansvarig för behandlingen i Samverka. Kontaktuppgifter till civilsamhällskontoret finns längst ner på sidan.

## Varför vi behandlar uppgifterna

Vi behandlar uppgifter om dig för att ta emot, handlägga, besluta om och följa upp idéburna offentliga partnerskap, för att ge dig ett konto och skicka e-post om ditt ärende, och för att registrera och arkivera allmänna handlingar.

## Rättslig grund

Behandlingen är nödvändig för att utföra en uppgift av allmänt intresse och som ett led i kommunens myndighetsutövning (artikel 6.1 e i dataskyddsförordningen). Registrering och arkivering sker enligt offentlighets- och sekretesslagen och arkivlagen.

## Hur länge vi sparar uppgifterna

Handlingar i ett ärende bevaras eller gallras enligt kommunens dokumenthanteringsplan. Ditt konto finns kvar tills du ber oss ta bort det; uppgifter som ingår i allmänna handlingar finns ändå kvar i ärendet.

## Dina rättigheter

Du har rätt att få veta vilka uppgifter vi har om dig, att få felaktiga uppgifter rättade och i vissa fall att få uppgifter raderade eller behandlingen begränsad, samt att invända mot behandlingen. Du kan klaga till Integritetsskyddsmyndigheten (IMY): https://www.imy.se

## Dataskyddsombud

Kommunens dataskyddsombud nås på dataskyddsombud@exempelkommun.se.`,
    en: `## How we process your personal data

## Controller

The municipal executive board is the controller for the processing in Samverka. The civil-society office's contact details are at the bottom of the page.

## Why we process the data

We process data about you to receive, handle, decide on and follow up non-profit public partnerships, to give you an account and email you about your case, and to register and archive official documents.

## Legal basis

The processing is necessary to perform a task in the public interest and in the exercise of official authority (Article 6(1)(e) GDPR). Registration and archiving follow the Public Access to Information and Secrecy Act and the Archives Act.

## How long we keep the data

Documents in a case are kept or disposed of according to the municipality's records management plan. Your account remains until you ask us to remove it; data that is part of official documents remains in the case.

## Your rights

You have the right to know what data we hold about you, to have incorrect data corrected, in some cases to have data erased or processing restricted, and to object to the processing. You can complain to the Swedish Authority for Privacy Protection (IMY): https://www.imy.se

## Data protection officer

The municipality's data protection officer can be reached at dataskyddsombud@exempelkommun.se.`,
  },
  appeal: {
    sv: `## Hur ni överklagar

Ett beslut som en nämnd har fattat kan överklagas genom laglighetsprövning enligt kommunallagen (13 kap.). Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då det justerade protokollet tillkännagavs på kommunens anslagstavla.

Skriv vilket beslut ni överklagar, varför ni anser att det är olagligt och skicka det till förvaltningsrätten. Civilsamhällskontoret hjälper er gärna med var beslutet finns och när protokollet anslogs.`,
    en: `## How to appeal

A decision made by a committee can be appealed through a review of legality under the Local Government Act (chapter 13). The appeal must reach the administrative court within three weeks of the day the approved minutes were announced on the municipality's official notice board.

Say which decision you are appealing and why you think it is unlawful, and send it to the administrative court. The civil-society office will gladly tell you where the decision is and when the minutes were posted.`,
  },
};

export const defaultPageText = (key: PageTextKey, lang: Lang) => DEFAULTS[key][lang];
