// Swedish texts of signing in with e-ID and the municipality's own accounts (OpenID Connect).
const oidc = {
  oidc: {
    login: {
      eidTitle: "Logga in med e-legitimation",
      eidLead: "Med BankID eller Freja eID+ behöver du inget lösenord.",
      staffTitle: "För kommunens medarbetare",
      button: "Logga in med {{label}}",
      passwordTitle: "Logga in med e-post och lösenord",
    },
    failed: {
      title: "Inloggningen gick inte att slutföra",
      back: "Försök logga in igen",
      backAdmin: "Tillbaka till administrationen",
    },
    errors: {
      expired: "Inloggningen tog för lång tid eller startades i en annan webbläsare. Börja om från inloggningssidan.",
      state:
        "Svaret från inloggningstjänsten hörde inte ihop med din inloggning, så vi avbröt den för säkerhets skull. Börja om från inloggningssidan.",
      denied: "Inloggningen avbröts hos inloggningstjänsten. Inget har ändrats.",
      code: "Inloggningen hade redan använts eller godtogs inte av inloggningstjänsten. Börja om från inloggningssidan.",
      idToken:
        "Vi kunde inte lita på svaret från inloggningstjänsten (det var för gammalt, felaktigt eller inte utfärdat för oss). Börja om; händer det igen, kontakta kommunen.",
      unavailable:
        "Inloggningstjänsten svarar inte just nu. Försök igen om en stund, eller logga in med e-post och lösenord.",
      noEmail: "Inloggningstjänsten lämnade ingen bekräftad e-postadress, så vi kan inte hitta ditt konto.",
      noStaffAccount:
        "Det finns inget konto i Samverka för dig. Be kommunens administratör att bjuda in dig med din e-postadress i jobbet.",
      linkedElsewhere: "Den här e-legitimationen är redan kopplad till ett annat konto i Samverka.",
      disabled: "Det här inloggningssättet är avstängt.",
    },
    linked: "E-legitimationen är kopplad till ditt konto.",
    steppedUp: "Du har legitimerat dig. Skriv under nu.",
    choose: {
      title: "Välj konto",
      lead: "Du har legitimerat dig med {{provider}} som {{name}}. Första gången behöver vi veta vilket konto i Samverka det gäller.",
      signedInTitle: "Koppla till kontot du är inloggad med",
      signedInBody: "Du är inloggad som {{email}}. Koppla e-legitimationen dit, så kan du logga in med den nästa gång.",
      link: "Koppla e-legitimationen",
      emailTitle: "Du har redan ett konto",
      emailBody:
        "Det finns ett konto med e-postadressen {{email}}, som inloggningstjänsten har bekräftat. Är det ditt? Koppla e-legitimationen till det.",
      passwordTitle: "Har du redan ett konto?",
      passwordBody: "Logga in med e-post och lösenord en gång, så kopplar vi e-legitimationen till kontot.",
      signInWithPassword: "Logga in med lösenord och koppla",
      newTitle: "Skapa ett nytt konto",
      newBody: "Vi behöver din e-postadress för att kunna meddela dig. Vi skickar en länk för att bekräfta den.",
      newBodyEmail: "Kontrollera namn och e-postadress. Ändrar du adressen skickar vi en länk för att bekräfta den.",
      create: "Skapa konto",
      signInFirst: "Logga in först.",
      emailTaken:
        "Det finns redan ett konto med den e-postadressen. Logga in med lösenord och koppla e-legitimationen.",
      notLinked: "Kontot kunde inte kopplas. Logga in med lösenord och koppla e-legitimationen.",
      lastWayIn: "Det här är ditt enda sätt att logga in. Välj ett lösenord först.",
    },
    account: {
      title: "Mina inloggningar",
      password: "E-post och lösenord",
      passwordSet: "Ja",
      passwordNone: "Inget lösenord",
      linked: "Kopplad {{date}}",
      unlink: "Ta bort {{label}}",
      unlinked: "Inloggningssättet är borttaget.",
      add: "Koppla {{label}}",
      none: "Ingen e-legitimation är kopplad.",
    },
  },
};

export default oidc;
