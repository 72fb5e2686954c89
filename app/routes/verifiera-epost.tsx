import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { InvalidLink } from "~/components/invalid-link";
import { PageHeading } from "~/components/layout";
import { isVerificationLinkValid, sendVerificationEmail, verifyEmail } from "~/domain/identity/accounts.server";
import { readForm } from "~/http/forms.server";
import { getLang } from "~/http/lang.server";
import { pageMeta } from "~/http/meta";
import { createUserSession, getUser, redirectWithToast, requireUser } from "~/http/session.server";
import { afterSignIn } from "~/http/handover.server";

export const meta = pageMeta("auth.verify.title");

/**
 * The link in the verification email opens a page with one button. Opening the link changes
 * nothing: mail scanners that fetch links must neither use it up nor get a session.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token: (await isVerificationLinkValid(token)) ? token : null };
}

/**
 * "Confirm": proves the mailbox, so it also signs the person in (sign-up itself starts no
 * session, to answer the same for taken addresses). "Send the link again" comes from /konto.
 */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  if (formData.get("intent") === "confirm") {
    const token = formData.get("token");
    const userId = typeof token === "string" && token.length <= 200 ? await verifyEmail(token) : null;
    if (!userId) return redirect("/verifiera-epost"); // used meanwhile: the page says the link is spent
    if ((await getUser(request))?._id.equals(userId)) return redirectWithToast("/organisation", "auth.verify.ok");
    // A new session: by way of the front door where it reaches no other host (decision 033).
    return redirectWithToast(await afterSignIn("/organisation"), "auth.verify.ok", {
      "Set-Cookie": await createUserSession(request, userId),
    });
  }
  const user = await requireUser(request);
  if (!user.emailVerifiedAt) await sendVerificationEmail(user, await getLang(request));
  return redirectWithToast("/konto", "auth.verify.resent");
}

export default function Verify() {
  const { t } = useTranslation();
  const { token } = useLoaderData<typeof loader>();
  if (!token) return <InvalidLink titleKey="auth.verify.invalidTitle" bodyKey="auth.verify.invalid" />;
  return (
    <div className="narrow">
      <PageHeading lead={t("auth.verify.lead")}>{t("auth.verify.title")}</PageHeading>
      <Form method="post">
        <input type="hidden" name="intent" value="confirm" />
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button">
          {t("auth.verify.confirm")}
        </button>
      </Form>
    </div>
  );
}
