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
    keepPlainTranslations(instance);
    instances.set(lang, instance);
  }
  return instance;
}

/**
 * i18next copies all its options on every `t()` (the largest cost of rendering a list page in
 * the `npm run bench` profile), and a page asks for the same keys hundreds of times. The texts
 * are fixed when the app is built, so a key asked without options, or with the same plain values
 * (a count, a name), is translated once per instance (one instance per language).
 */
const flatValues = (options: unknown) =>
  typeof options === "object" &&
  options !== null &&
  Object.getPrototypeOf(options) === Object.prototype &&
  Object.values(options).every((v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean");

function keepPlainTranslations(instance: i18n) {
  const kept = new Map<string, unknown>();
  const getFixedT = instance.getFixedT.bind(instance);
  type FixedT = (key: unknown, ...rest: unknown[]) => unknown;
  instance.getFixedT = ((lng: unknown, ns: unknown, keyPrefix: unknown) => {
    const t = getFixedT(lng as never, ns as never, keyPrefix as never) as unknown as FixedT;
    if (lng || keyPrefix) return t;
    const plain: FixedT = (key, ...rest) => {
      if (typeof key !== "string" || rest.length > 1) return t(key, ...rest);
      const options = rest[0];
      if (rest.length && !flatValues(options)) return t(key, ...rest);
      const at = `${String(ns)}:${key}${rest.length ? JSON.stringify(options) : ""}`;
      let text = kept.get(at);
      if (text === undefined) {
        text = rest.length ? t(key, options) : t(key);
        // Keys are a fixed set; with values (counts, names) there is no end to them.
        if (kept.size >= 20_000) kept.clear();
        kept.set(at, text);
      }
      return text;
    };
    return Object.assign(plain, t);
  }) as unknown as i18n["getFixedT"];
}

/** Translates a validation message key such as "errors.tooLong|500". */
export function translateError(t: i18n["t"], message: string) {
  const [key = message, count] = message.split("|");
  return count === undefined ? String(t(key)) : String(t(key, { count: Number(count) }));
}

const lowerFirst = (label: string) =>
  /^\p{Lu}\p{Lu}/u.test(label) ? label : label.charAt(0).toLocaleLowerCase("sv") + label.slice(1);

/**
 * A field's error in the GOV.UK way, the same words at the field and in the error summary: the
 * field's own message where there is one ("Skriv en rubrik"), else the general one naming the
 * field by its visible label ("Fyll i rubrik"), else the plain message.
 */
export function fieldErrorText(i18n: i18n, message: string, field: { name: string; label?: string }) {
  const [key = message, count] = message.split("|");
  const code = key.split(".").pop() ?? key;
  const options = count === undefined ? {} : { count: Number(count) };
  const specific = `errors.fields.${field.name}.${code}`;
  if (i18n.exists(specific)) return String(i18n.t(specific, options));
  const question = field.label?.trim().endsWith("?");
  const labelled = `errors.${question ? "question" : "labelled"}.${code}`;
  if (field.label && i18n.exists(labelled)) {
    return String(
      i18n.t(labelled, { ...options, label: question ? field.label.trim() : lowerFirst(field.label.trim()) }),
    );
  }
  return translateError(i18n.t, message);
}

/**
 * sv-SE formatting helpers (English pages keep Swedish number and date conventions). The
 * formatters are made once: constructing an Intl formatter per call was the largest single cost
 * of rendering a list page (`npm run bench` profile).
 */
const dateFormats = {
  sv: new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "Europe/Stockholm" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/Stockholm" }),
};
const dateTimeFormats = {
  sv: new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Stockholm" }),
  // "6 Dec 2026, 10:00": a numeric day/month order is read differently in different countries.
  en: new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Stockholm",
  }),
};
const numberFormat = new Intl.NumberFormat("sv-SE");
const sekFormat = new Intl.NumberFormat("sv-SE", { style: "currency", currency: "SEK", maximumFractionDigits: 0 });
const kilobyteFormat = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });
const megabyteFormat = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

/** One formatting per instant: lists show the same dates on every view, and each `format` call
 * costs about as much as rendering the table row around it. Bounded: emptied when full. */
function remembered(formats: Record<Lang, Intl.DateTimeFormat>) {
  const memo = new Map<string, string>();
  return (d: Date | string, lang: Lang) => {
    const time = new Date(d).getTime();
    const key = lang + time;
    let text = memo.get(key);
    if (text === undefined) {
      text = formats[lang].format(time);
      if (memo.size >= 5000) memo.clear();
      memo.set(key, text);
    }
    return text;
  };
}

export const formatDate = remembered(dateFormats);
export const formatDateTime = remembered(dateTimeFormats);
export const formatNumber = (n: number) => numberFormat.format(n);
export const formatSek = (n: number) => sekFormat.format(n);
export function formatBytes(n: number) {
  if (n < 1024) return `${formatNumber(n)} B`;
  if (n < 1024 * 1024) return `${kilobyteFormat.format(n / 1024)} kB`;
  return `${megabyteFormat.format(n / 1024 / 1024)} MB`;
}
