import i18next, { type i18n } from "i18next";
import en from "./locales/en";
import sv from "./locales/sv";

export const LANGUAGES = ["sv", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = "sv";
export const isLang = (v: unknown): v is Lang => v === "sv" || v === "en";

const instances = new Map<Lang, i18n>();

/** One initialised i18next instance per language, shared by server and browser. */
export function getI18n(lang: Lang): i18n {
  let instance = instances.get(lang);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: lang,
      fallbackLng: "sv",
      resources: { sv: { translation: sv }, en: { translation: en } },
      initAsync: false,
      interpolation: { escapeValue: false },
      returnObjects: true,
      showSupportNotice: false,
    });
    instances.set(lang, instance);
  }
  return instance;
}

/** Translates a validation message key such as "errors.tooLong|500". */
export function translateError(t: i18n["t"], message: string) {
  const [key = message, count] = message.split("|");
  return count === undefined ? String(t(key)) : String(t(key, { count: Number(count) }));
}

/** sv-SE formatting helpers (English pages keep Swedish number and date conventions). */
export const formatDate = (d: Date | string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", {
    dateStyle: "long",
    timeZone: "Europe/Stockholm",
  }).format(new Date(d));
export const formatDateTime = (d: Date | string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }).format(new Date(d));
export const formatNumber = (n: number) => new Intl.NumberFormat("sv-SE").format(n);
export const formatSek = (n: number) =>
  new Intl.NumberFormat("sv-SE", { style: "currency", currency: "SEK", maximumFractionDigits: 0 }).format(n);
export function formatBytes(n: number) {
  if (n < 1024) return `${formatNumber(n)} B`;
  if (n < 1024 * 1024) return `${new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 }).format(n / 1024)} kB`;
  return `${new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 }).format(n / 1024 / 1024)} MB`;
}
