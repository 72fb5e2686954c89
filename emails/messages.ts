// Texts of the emails, Swedish and English. Templates take a locale and plain props.
export type EmailLocale = "sv" | "en";

export const emailMessages = {
  sv: {
    footer: "Samverka – en väg in till kommunen för idéburna organisationer.",
    ignore: "Om du inte känner igen det här kan du bortse från meddelandet.",
    linkFallback: "Fungerar inte knappen? Kopiera länken till webbläsaren:",
    verify: {
      subject: "Bekräfta din e-postadress i Samverka",
      heading: "Bekräfta din e-postadress",
      body: "Hej {name}! Klicka på knappen för att bekräfta att det är din e-postadress. Länken gäller i 48 timmar.",
      button: "Bekräfta e-postadressen",
    },
    reset: {
      subject: "Välj ett nytt lösenord i Samverka",
      heading: "Välj ett nytt lösenord",
      body: "Hej {name}! Någon (förhoppningsvis du) bad om att få byta lösenord. Länken gäller i en timme och kan bara användas en gång.",
      button: "Välj nytt lösenord",
    },
    already: {
      subject: "Du har redan ett konto i Samverka",
      heading: "Du har redan ett konto",
      body: "Hej {name}! Någon försökte skapa ett konto med den här e-postadressen, men det finns redan ett. Logga in, eller välj ett nytt lösenord om du har glömt det.",
      button: "Logga in",
    },
    orgInvite: {
      subject: "Inbjudan till {organisation} i Samverka",
      heading: "Du är inbjuden till {organisation}",
      body: "{inviter} har bjudit in dig som {role} för {organisation} i Samverka, där föreningen föreslår och följer idéburna offentliga partnerskap (IOP) med {publicBody}. Inbjudan gäller i 7 dagar.",
      button: "Visa inbjudan",
    },
    staffInvite: {
      subject: "Ditt konto i Samverka för {publicBody}",
      heading: "Välkommen till Samverka",
      body: "{inviter} har skapat ett konto åt dig som {role} i {publicBody}. Välj ett lösenord för att komma igång. Länken gäller i 7 dagar.",
      button: "Välj lösenord",
    },
    receipt: {
      subject: "Kvittens: {caseNumber} – {title}",
      heading: "Vi har tagit emot {kindLabel}",
      body: "{organisation} har lämnat {kindLabel} ”{title}” till {publicBody}. Ärendet är registrerat den {date} med diarienummer {caseNumber}. Civilsamhällskontoret utser en ansvarig förvaltning och handläggare, normalt inom {days} arbetsdagar, och ni får ett meddelande när det har skett. Ange diarienumret om ni kontaktar oss.",
      button: "Visa ärendet",
    },
    receiptRouted: {
      subject: "Kvittens: {caseNumber} – {title}",
      heading: "Vi har tagit emot {kindLabel}",
      body: "{organisation} har lämnat {kindLabel} ”{title}” till {publicBody} den {date}. Det hör till ärende {caseNumber}, som {officer} på {department} redan handlägger; hen går nu igenom förslaget och hör av sig. Ange diarienumret om ni kontaktar oss.",
      button: "Visa ärendet",
    },
    routedOrg: {
      subject: "{caseNumber}: {officer} handlägger ert ärende",
      heading: "Ert ärende har fått en handläggare",
      body: "Ärendet ”{title}” ({caseNumber}) handläggs av {officer} på {department}. Nästa steg är en dialog med er. Ni når handläggaren genom ärendet i Samverka eller på {officerEmail}.",
      button: "Visa ärendet",
    },
    routedOfficer: {
      subject: "Nytt ärende till dig: {caseNumber} – {title}",
      heading: "Ett ärende har fördelats till dig",
      body: "Civilsamhällskontoret har fördelat ärendet ”{title}” ({caseNumber}) från {organisation} till dig på {department}. Ta kontakt med organisationen för en första dialog.",
      button: "Öppna ärendet",
    },
    notices: {
      message: {
        subject: "{caseNumber}: nytt meddelande från {name}",
        heading: "Nytt meddelande i ärendet",
        body: "{name} har skrivit ett meddelande i ärendet ”{title}” ({caseNumber}). Läs och svara i Samverka.",
        button: "Läs meddelandet",
      },
      completionRequest: {
        subject: "{caseNumber}: handläggaren ber om komplettering",
        heading: "Handläggaren behöver mer information",
        body: "{name} har bett om komplettering i ärendet ”{title}” ({caseNumber}). Svara i Samverka så snart ni kan; ärendet väntar på ert svar.",
        button: "Svara på frågan",
      },
      completionAnswer: {
        subject: "{caseNumber}: kompletteringen har kommit in",
        heading: "Organisationen har svarat",
        body: "{name} har svarat på kompletteringsbegäran i ärendet ”{title}” ({caseNumber}). Ärendet är tillbaka i dialog.",
        button: "Öppna ärendet",
      },
      meetingInvite: {
        subject: "{caseNumber}: inbjudan till dialogmöte",
        heading: "Ni är inbjudna till ett dialogmöte",
        body: "{name} bjuder in till ett dialogmöte om ”{title}” ({caseNumber}). Tid, plats och eventuellt meddelande finns i Samverka, där ni också bekräftar mötet.",
        button: "Se och bekräfta mötet",
      },
      meetingConfirmed: {
        subject: "{caseNumber}: dialogmötet är bekräftat",
        heading: "Organisationen har bekräftat mötet",
        body: "{name} har bekräftat dialogmötet om ”{title}” ({caseNumber}).",
        button: "Öppna ärendet",
      },
      meeting: {
        subject: "{caseNumber}: minnesanteckningar från dialogmöte",
        heading: "Minnesanteckningar från dialogmötet",
        body: "Minnesanteckningarna från dialogmötet om ”{title}” ({caseNumber}) finns nu i Samverka.",
        button: "Läs anteckningarna",
      },
      newCase: {
        subject: "Nytt ärende att fördela: {caseNumber} – {title}",
        heading: "Ett nytt ärende har kommit in",
        body: "{name} har lämnat ”{title}” ({caseNumber}). Utse en ansvarig förvaltning och handläggare i Samverka.",
        button: "Fördela ärendet",
      },
      proposalArrived: {
        subject: "{caseNumber}: det fullständiga förslaget har kommit in",
        heading: "Organisationen har lämnat sitt förslag",
        body: "{name} har lämnat det fullständiga IOP-förslaget i ärendet ”{title}” ({caseNumber}), som du handlägger. Gå igenom förslaget i Samverka.",
        button: "Öppna ärendet",
      },
      reassigned: {
        subject: "{caseNumber}: ny handläggare",
        heading: "Ärendet har fått en ny handläggare",
        body: "Ärendet ”{title}” ({caseNumber}) handläggs nu av {name}. Hela historiken följer med ärendet.",
        button: "Visa ärendet",
      },
      approved: {
        subject: "{caseNumber}: beslut – förslaget är beviljat",
        heading: "Ert förslag är beviljat",
        body: "{publicBody} har beslutat att bevilja förslaget ”{title}” ({caseNumber}). Motivering: {reasons} Nästa steg är att ta fram ett avtal tillsammans.",
        button: "Läs beslutet",
      },
      declined: {
        subject: "{caseNumber}: beslut – förslaget är avslaget",
        heading: "Ert förslag är avslaget",
        body: "{publicBody} har beslutat att avslå förslaget ”{title}” ({caseNumber}). Motivering: {reasons} Hör gärna av er till handläggaren om ni har frågor.",
        button: "Läs beslutet",
      },
      reminderUnrouted: {
        subject: "Påminnelse: {caseNumber} väntar på fördelning",
        heading: "Ett ärende väntar på fördelning",
        body: "Ärendet ”{title}” ({caseNumber}) har väntat på en ansvarig förvaltning och handläggare i {days} arbetsdagar.",
        button: "Fördela ärendet",
      },
      reminderInactive: {
        subject: "Påminnelse: ingen aktivitet i {caseNumber} på {days} dagar",
        heading: "Ett ärende har stått still",
        body: "Det har inte hänt något i ärendet ”{title}” ({caseNumber}) på {days} dagar. Organisationen väntar på besked.",
        button: "Öppna ärendet",
      },
      reminderCompletion: {
        subject: "Påminnelse: handläggaren väntar på er komplettering ({caseNumber})",
        heading: "Handläggaren väntar på ert svar",
        body: "Handläggaren bad om komplettering i ärendet ”{title}” ({caseNumber}) för {days} dagar sedan. Svara i Samverka så att ärendet kan gå vidare.",
        button: "Svara nu",
      },
    },
  },
  en: {
    footer: "Samverka – one way into the municipality for non-profit organisations.",
    ignore: "If you do not recognise this, you can ignore the message.",
    linkFallback: "Button not working? Copy the link into your browser:",
    verify: {
      subject: "Confirm your email address in Samverka",
      heading: "Confirm your email address",
      body: "Hello {name}! Click the button to confirm that this is your email address. The link is valid for 48 hours.",
      button: "Confirm email address",
    },
    reset: {
      subject: "Choose a new password in Samverka",
      heading: "Choose a new password",
      body: "Hello {name}! Someone (hopefully you) asked to change the password. The link is valid for one hour and can be used once.",
      button: "Choose new password",
    },
    already: {
      subject: "You already have an account in Samverka",
      heading: "You already have an account",
      body: "Hello {name}! Someone tried to create an account with this email address, but one already exists. Sign in, or choose a new password if you have forgotten it.",
      button: "Sign in",
    },
    orgInvite: {
      subject: "Invitation to {organisation} in Samverka",
      heading: "You are invited to {organisation}",
      body: "{inviter} has invited you as {role} of {organisation} in Samverka, where the organisation proposes and follows non-profit public partnerships (IOP) with {publicBody}. The invitation is valid for 7 days.",
      button: "View invitation",
    },
    staffInvite: {
      subject: "Your Samverka account at {publicBody}",
      heading: "Welcome to Samverka",
      body: "{inviter} has created an account for you as {role} at {publicBody}. Choose a password to get started. The link is valid for 7 days.",
      button: "Choose password",
    },
    receipt: {
      subject: "Receipt: {caseNumber} – {title}",
      heading: "We have received {kindLabel}",
      body: "{organisation} has submitted {kindLabel} “{title}” to {publicBody}. The case was registered on {date} with case number {caseNumber}. The civil-society office appoints a responsible department and officer, normally within {days} working days, and you will be told when that has happened. Please quote the case number when you contact us.",
      button: "View the case",
    },
    receiptRouted: {
      subject: "Receipt: {caseNumber} – {title}",
      heading: "We have received {kindLabel}",
      body: "{organisation} submitted {kindLabel} “{title}” to {publicBody} on {date}. It belongs to case {caseNumber}, which {officer} at {department} already handles; they will now go through the proposal and be in touch. Please quote the case number when you contact us.",
      button: "View the case",
    },
    routedOrg: {
      subject: "{caseNumber}: {officer} handles your case",
      heading: "Your case has an officer",
      body: "The case “{title}” ({caseNumber}) is handled by {officer} at {department}. The next step is a dialogue with you. You reach the officer through the case in Samverka or at {officerEmail}.",
      button: "View the case",
    },
    routedOfficer: {
      subject: "New case for you: {caseNumber} – {title}",
      heading: "A case has been assigned to you",
      body: "The civil-society office has assigned the case “{title}” ({caseNumber}) from {organisation} to you at {department}. Contact the organisation for a first dialogue.",
      button: "Open the case",
    },
    notices: {
      message: {
        subject: "{caseNumber}: new message from {name}",
        heading: "New message in the case",
        body: "{name} has written a message in the case “{title}” ({caseNumber}). Read and reply in Samverka.",
        button: "Read the message",
      },
      completionRequest: {
        subject: "{caseNumber}: the officer asks for more information",
        heading: "The officer needs more information",
        body: "{name} has asked for more information in the case “{title}” ({caseNumber}). Please answer in Samverka as soon as you can; the case waits for your answer.",
        button: "Answer the question",
      },
      completionAnswer: {
        subject: "{caseNumber}: the additional information has arrived",
        heading: "The organisation has answered",
        body: "{name} has answered the request for more information in the case “{title}” ({caseNumber}). The case is back in dialogue.",
        button: "Open the case",
      },
      meetingInvite: {
        subject: "{caseNumber}: invitation to a dialogue meeting",
        heading: "You are invited to a dialogue meeting",
        body: "{name} invites you to a dialogue meeting about “{title}” ({caseNumber}). Time, place and any message are in Samverka, where you also confirm the meeting.",
        button: "See and confirm the meeting",
      },
      meetingConfirmed: {
        subject: "{caseNumber}: the dialogue meeting is confirmed",
        heading: "The organisation has confirmed the meeting",
        body: "{name} has confirmed the dialogue meeting about “{title}” ({caseNumber}).",
        button: "Open the case",
      },
      meeting: {
        subject: "{caseNumber}: minutes of the dialogue meeting",
        heading: "Minutes of the dialogue meeting",
        body: "The minutes of the dialogue meeting about “{title}” ({caseNumber}) are now in Samverka.",
        button: "Read the minutes",
      },
      newCase: {
        subject: "New case to route: {caseNumber} – {title}",
        heading: "A new case has arrived",
        body: "{name} has submitted “{title}” ({caseNumber}). Appoint a responsible department and officer in Samverka.",
        button: "Route the case",
      },
      proposalArrived: {
        subject: "{caseNumber}: the full proposal has arrived",
        heading: "The organisation has submitted its proposal",
        body: "{name} has submitted the full IOP proposal in the case “{title}” ({caseNumber}), which you handle. Go through the proposal in Samverka.",
        button: "Open the case",
      },
      reassigned: {
        subject: "{caseNumber}: new officer",
        heading: "The case has a new officer",
        body: "The case “{title}” ({caseNumber}) is now handled by {name}. The whole history stays with the case.",
        button: "View the case",
      },
      approved: {
        subject: "{caseNumber}: decision – the proposal is approved",
        heading: "Your proposal is approved",
        body: "{publicBody} has decided to approve the proposal “{title}” ({caseNumber}). Reasons: {reasons} The next step is to draw up an agreement together.",
        button: "Read the decision",
      },
      declined: {
        subject: "{caseNumber}: decision – the proposal is declined",
        heading: "Your proposal is declined",
        body: "{publicBody} has decided to decline the proposal “{title}” ({caseNumber}). Reasons: {reasons} Feel free to contact the officer if you have questions.",
        button: "Read the decision",
      },
      reminderUnrouted: {
        subject: "Reminder: {caseNumber} waits to be assigned",
        heading: "A case waits to be assigned",
        body: "The case “{title}” ({caseNumber}) has waited {days} working days for a responsible department and officer.",
        button: "Assign the case",
      },
      reminderInactive: {
        subject: "Reminder: no activity in {caseNumber} for {days} days",
        heading: "A case has stood still",
        body: "Nothing has happened in the case “{title}” ({caseNumber}) for {days} days. The organisation is waiting.",
        button: "Open the case",
      },
      reminderCompletion: {
        subject: "Reminder: the officer awaits your additional information ({caseNumber})",
        heading: "The officer is waiting for your answer",
        body: "The officer asked for more information in the case “{title}” ({caseNumber}) {days} days ago. Please answer in Samverka so that the case can move on.",
        button: "Answer now",
      },
    },
  },
} as const;

export function fill(text: string, values: Record<string, string>) {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
}
