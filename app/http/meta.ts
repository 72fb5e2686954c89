import type { MetaFunction } from "@remix-run/node";
import { DEFAULT_LANG, getI18n, isLang } from "~/i18n";

type Matches = Parameters<MetaFunction>[0]["matches"];

const langOf = (matches: Matches) => {
  const root = matches.find((m) => m.id === "root")?.data as { lang?: unknown } | undefined;
  return isLang(root?.lang) ? root.lang : DEFAULT_LANG;
};

/**
 * Title and description of a page, in the request's language. Remix replaces (does not merge)
 * meta from parent routes, so every page states both; the description defaults to Samverka's.
 */
export function pageTags(matches: Matches, title: string, descriptionKey = "app.description") {
  const t = getI18n(langOf(matches)).t;
  return [{ title: `${title} – Samverka` }, { name: "description", content: String(t(descriptionKey)) }];
}

/** Meta from locale keys: the title (or a key chosen from the loader's data) and, if given, a description. */
export function pageMeta(titleKey: string | ((data: unknown) => string), descriptionKey?: string): MetaFunction {
  return ({ matches, data }) => {
    const key = typeof titleKey === "string" ? titleKey : titleKey(data);
    return pageTags(matches, String(getI18n(langOf(matches)).t(key)), descriptionKey);
  };
}
