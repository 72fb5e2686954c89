import { createCookie } from "@remix-run/node";
import { DEFAULT_LANG, isLang, type Lang } from "~/i18n";

export const langCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  maxAge: 60 * 60 * 24 * 365,
  httpOnly: true,
});

export async function getLang(request: Request): Promise<Lang> {
  const value: unknown = await langCookie.parse(request.headers.get("Cookie"));
  return isLang(value) ? value : DEFAULT_LANG;
}
