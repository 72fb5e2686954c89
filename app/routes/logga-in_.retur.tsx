import type { LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/layout";
import { requestContext } from "~/http/request.server";
import { finishOidc } from "~/http/oidc-flow.server";
import type { OidcFailure } from "~/domain/identity/oidc.server";
import { redirectWithToast } from "~/http/session.server";
import { pageMeta } from "~/http/meta";

export const meta = pageMeta("oidc.failed.title");

const REASONS: OidcFailure[] = [
  "expired",
  "state",
  "denied",
  "code",
  "idToken",
  "unavailable",
  "noEmail",
  "noStaffAccount",
  "linkedElsewhere",
  "notYourEid",
  "proveAccount",
  "disabled",
];

// 503 when the provider cannot be reached, 403 when the person has no way in, else 400.
const statusOf = (reason: OidcFailure) =>
  reason === "unavailable" ? 503 : ["noStaffAccount", "linkedElsewhere", "proveAccount"].includes(reason) ? 403 : 400;

/** The OpenID provider's return address (the redirect URI to register at the provider). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { publicBody, user } = await requestContext(request);
  const shown = new URL(request.url).searchParams.get("fel");
  if (shown && !new URL(request.url).searchParams.has("state")) {
    // A crafted link with a reason we never send is a bad request, not a server error.
    const reason = REASONS.find((r) => r === shown) ?? "expired";
    return data({ reason, purpose: null }, { status: statusOf(reason) });
  }
  const result = await finishOidc(request, publicBody._id, user);
  const headers = new Headers();
  for (const cookie of result.cookies) headers.append("Set-Cookie", cookie);
  if (!result.ok)
    return data({ reason: result.reason, purpose: result.purpose }, { status: statusOf(result.reason), headers });
  if (result.toast) throw await redirectWithToast(result.redirectTo, result.toast, headers);
  throw redirect(result.redirectTo, { headers });
}

export default function SignInFailed() {
  const { t } = useTranslation();
  const { reason, purpose } = useLoaderData<typeof loader>();
  const back =
    purpose === "test"
      ? "/admin#inloggning"
      : purpose === "link" || reason === "notYourEid"
        ? "/konto#inloggningar"
        : "/logga-in";
  return (
    <div className="narrow">
      <PageHeading>{t("oidc.failed.title")}</PageHeading>
      <p>{t(`oidc.errors.${reason}`)}</p>
      <p>
        <AppLink to={back}>{t(purpose === "test" ? "oidc.failed.backAdmin" : "oidc.failed.back")}</AppLink>
      </p>
    </div>
  );
}
