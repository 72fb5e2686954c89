import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { parseForm, readForm } from "~/http/forms.server";
import { requestContext, requireAbility } from "~/http/request.server";
import { beginOidc } from "~/http/oidc-flow.server";
import { sessionToken } from "~/http/session.server";
import { OidcError } from "~/domain/identity/oidc.server";
import { reauthenticateForLink } from "~/domain/identity/reauthentication.server";
import { oidcStartSchema } from "~/schemas/oidc";

// Starts a sign-in at an OpenID provider (a button posts here): sign in, link to the signed-in
// account, a fresh authentication before signing, or an administrator's test.
export function loader() {
  return redirect("/logga-in");
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, publicBody, ability } = await requestContext(request);
  const submission = parseForm(await readForm(request), oidcStartSchema);
  if (submission.status !== "success") throw new Response("Ogiltig förfrågan", { status: 400 });
  const { purpose, returnTo, signing } = submission.value;
  if ((purpose === "link" || purpose === "stepup") && !user) {
    throw redirect(`/logga-in?${new URLSearchParams({ redirectTo: returnTo })}`);
  }
  if (purpose === "link" && user) {
    // A new way in is added only after the person proves again that the account is theirs.
    const checked = await reauthenticateForLink(
      await sessionToken(request),
      user,
      submission.value.password ?? "",
      context.ip,
    );
    if (checked !== "ok") throw redirect(`/konto?${new URLSearchParams({ koppla: checked })}#inloggningar`);
  }
  if (purpose === "test") {
    requireAbility(ability, "manage", "IdentityProvider", { publicBodyId: publicBody._id }, 403);
  }
  try {
    const start = await beginOidc(publicBody._id, params.provider ?? "", purpose, returnTo, signing);
    if (!start) throw new Response("Inloggningssättet finns inte", { status: 404 });
    return redirect(start.url, { headers: { "Set-Cookie": start.setCookie } });
  } catch (error) {
    if (!(error instanceof OidcError)) throw error;
    // The provider cannot be reached (or is switched off): say so on our own page.
    return redirect(`/logga-in/retur?${new URLSearchParams({ fel: error.reason })}`);
  }
}
