import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { InvalidLink } from "~/components/invalid-link";
import { sendVerificationEmail, verifyEmail } from "~/domain/accounts.server";
import { getLang } from "~/domain/lang.server";
import { titleMeta } from "~/domain/meta";
import { createUserSession, getUser, redirectWithToast, requireUser } from "~/domain/session.server";

export const meta = titleMeta("auth.verify.invalidTitle");

/**
 * The link in the verification email. It proves the mailbox, so it also signs the person in:
 * sign-up itself starts no session (it must answer the same for taken addresses).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const userId = await verifyEmail(token);
  if (!userId) return null;
  const current = await getUser(request);
  const headers: Record<string, string> = current?._id.equals(userId)
    ? {}
    : { "Set-Cookie": await createUserSession(request, userId) };
  throw await redirectWithToast("/organisation", "auth.verify.ok", headers);
}

/** "Send the link again". */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!user.emailVerifiedAt) await sendVerificationEmail(user, await getLang(request));
  return redirectWithToast("/konto", "auth.verify.resent");
}

export default function VerifyFailed() {
  return <InvalidLink titleKey="auth.verify.invalidTitle" bodyKey="auth.verify.invalid" />;
}
