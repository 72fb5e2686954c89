import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/layout";
import { pageMeta } from "~/http/meta";
import { signOutElsewhere } from "~/domain/identity/identity-choices.server";
import { destroySession } from "~/http/session.server";

export const meta = pageMeta("auth.logout.title");

/** Signs out here, and at the OpenID provider too when the session began there and it offers it. */
export async function action({ request }: ActionFunctionArgs) {
  const { setCookie, providerId } = await destroySession(request);
  return redirect(await signOutElsewhere(providerId), { headers: { "Set-Cookie": setCookie } });
}

// GET shows a button: signing out by a link would let other sites sign people out.
export default function Logout() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <PageHeading lead={t("auth.logout.lead")}>{t("auth.logout.title")}</PageHeading>
      <Form method="post">
        <button type="submit" className="button">
          {t("auth.logout.submit")}
        </button>
      </Form>
    </div>
  );
}
