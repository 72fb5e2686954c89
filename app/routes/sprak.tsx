import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { setLocale } from "~/domain/identity/accounts.server";
import { langCookie } from "~/http/lang.server";
import { getUser, safeRedirect } from "~/http/session.server";
import { isLang } from "~/i18n";
import { readForm } from "~/http/forms.server";

/** Language switch: a plain form POST, so it works without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const lang = form.get("lang");
  if (!isLang(lang)) return new Response("Ogiltigt språk", { status: 400 });
  const user = await getUser(request);
  if (user) await setLocale(user._id, lang);
  return redirect(safeRedirect(form.get("redirectTo")), {
    headers: { "Set-Cookie": await langCookie.serialize(lang) },
  });
}

export const loader = () => redirect("/");

/** Never shown (GET redirects, POST redirects); it makes refusals render the friendly error page. */
export default function LanguageSwitch() {
  return null;
}
