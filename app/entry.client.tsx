import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { addTexts } from "./i18n";

// Only the page's language is downloaded (app/locales/bundled.ts); switching language reloads
// the document (the language form in the header), so the other one is never needed here.
const lang = document.documentElement.lang === "en" ? "en" : "sv";
addTexts(lang, (lang === "en" ? await import("./locales/en") : await import("./locales/sv")).default);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
