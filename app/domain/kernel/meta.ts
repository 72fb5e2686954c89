import type { MetaFunction } from "@remix-run/node";
import { DEFAULT_LANG, getI18n, isLang } from "~/i18n";

/** A page title from a locale key, in the language of the request (read from root data). */
export function titleMeta(key: string): MetaFunction {
  return ({ matches }) => {
    const root = matches.find((m) => m.id === "root")?.data as { lang?: unknown } | undefined;
    const lang = isLang(root?.lang) ? root.lang : DEFAULT_LANG;
    return [{ title: `${String(getI18n(lang).t(key))} – Samverka` }];
  };
}
