import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { ErrorSummary, NewPasswordFields, TextField } from "~/components/forms";
import { InvalidLink } from "~/components/invalid-link";
import { PageHeading } from "~/components/layout";
import { useSchemaForm } from "~/components/use-form";
import { invalid, parseForm, readForm } from "~/http/forms.server";
import { getLang } from "~/http/lang.server";
import { pageMeta } from "~/http/meta";
import {
  acceptOrgInvitation,
  acceptOrgInvitationAsNewUser,
  describeInvitation,
  invitationFacts,
} from "~/domain/organisations/organisations.server";
import { badRequest } from "~/http/request.server";
import { createUserSession, destroyAllSessions, getUser, redirectWithToast } from "~/http/session.server";
import { acceptStaffInvitation } from "~/domain/identity/staff.server";
import { acceptOrgNewUserSchema, acceptStaffSchema } from "~/schemas/account";
import { afterSignIn } from "~/http/handover.server";

export const meta = pageMeta("invitation.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const invitation = await describeInvitation(token);
  if (!invitation) return { state: "invalid" as const };
  const role = invitation.role ?? "org_member";
  if (invitation.kind === "staff_invitation") return { state: "staff" as const, token, email: invitation.email, role };
  const [user, { organisation, hasAccount }] = await Promise.all([
    getUser(request),
    invitationFacts(invitation.organisationId, invitation.email),
  ]);
  const common = { token, email: invitation.email, role, organisation };
  if (user) {
    return user.email === invitation.email
      ? { state: "accept" as const, ...common }
      : { state: "wrongUser" as const, ...common, current: user.email };
  }
  return hasAccount ? { state: "login" as const, ...common } : { state: "create" as const, ...common };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const token = formData.get("token");
  // Our tokens are 43 characters; anything longer is not one of ours (and must not be echoed).
  if (typeof token !== "string" || token.length > 200) throw badRequest();

  if (intent === "accept") {
    const user = await getUser(request);
    if (!user) throw badRequest();
    const orgId = await acceptOrgInvitation(token, user);
    if (!orgId) return redirectWithToast(`/inbjudan?${new URLSearchParams({ token })}`, "invitation.invalid");
    return redirectWithToast(`/organisation/${String(orgId)}`, "invitation.joined");
  }

  if (intent === "create") {
    const submission = parseForm(formData, acceptOrgNewUserSchema);
    if (submission.status !== "success") return invalid(submission);
    const { name, password } = submission.value;
    const result = await acceptOrgInvitationAsNewUser(token, name, password, await getLang(request));
    if ("error" in result)
      return invalid(
        submission,
        { formErrors: [result.error === "exists" ? "invitation.loginFirst" : "invitation.invalid"] },
        409,
      );
    // By way of the front door where a session made here reaches no other host (decision 033).
    return redirectWithToast(await afterSignIn(`/organisation/${String(result.organisationId)}`), "invitation.joined", {
      "Set-Cookie": await createUserSession(request, result.userId),
    });
  }

  if (intent === "staff") {
    const submission = parseForm(formData, acceptStaffSchema);
    if (submission.status !== "success") return invalid(submission);
    const userId = await acceptStaffInvitation(token, submission.value.password);
    if (!userId) return invalid(submission, { formErrors: ["invitation.invalid"] }, 410);
    await destroyAllSessions(userId);
    return redirectWithToast(await afterSignIn("/konto"), "invitation.staffDone", {
      "Set-Cookie": await createUserSession(request, userId),
    });
  }
  throw badRequest();
}

export default function Invitation() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  if (data.state === "invalid") return <InvalidLink titleKey="invitation.invalidTitle" bodyKey="invitation.invalid" />;
  const role = String(t(`roles.${data.role}`)).toLowerCase();
  return (
    <div className="narrow">
      <PageHeading
        lead={
          data.state === "staff"
            ? t("invitation.staffLead", { email: data.email, role })
            : t("invitation.orgLead", { role, organisation: data.organisation })
        }
      >
        {t("invitation.title")}
      </PageHeading>
      {data.state === "accept" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="accept" />
          <input type="hidden" name="token" value={data.token} />
          <button type="submit" className="button">
            {t("invitation.accept")}
          </button>
        </Form>
      ) : null}
      {data.state === "wrongUser" ? (
        <p className="notice notice--warning">
          {t("invitation.wrongUser", { email: data.email, current: data.current })}
        </p>
      ) : null}
      {data.state === "login" ? (
        <>
          <p>{t("invitation.loginFirst", { email: data.email })}</p>
          <AppLink
            className="button"
            to={`/logga-in?${new URLSearchParams({ redirectTo: `/inbjudan?${new URLSearchParams({ token: data.token })}` })}`}
          >
            {t("nav.login")}
          </AppLink>
        </>
      ) : null}
      {data.state === "create" || data.state === "staff" ? (
        <PasswordForm token={data.token} email={data.email} withName={data.state === "create"} />
      ) : null}
    </div>
  );
}

function PasswordForm({ token, email, withName }: { token: string; email: string; withName: boolean }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const schema = withName ? acceptOrgNewUserSchema : acceptStaffSchema;
  const [form, fields] = useSchemaForm(schema, actionData?.result);
  const nameField = withName ? (fields as unknown as Record<string, typeof fields.password>).name : undefined;
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <input type="hidden" name="intent" value={withName ? "create" : "staff"} />
      <input type="hidden" name={fields.token.name} value={token} />
      <ErrorSummary form={form} labelPrefix="auth" />
      <p>
        {t("auth.email")}: <strong>{email}</strong>
      </p>
      {nameField ? <TextField field={nameField} label={t("auth.name")} autoComplete="name" /> : null}
      <NewPasswordFields password={fields.password} confirmPassword={fields.confirmPassword} />
      <button type="submit" className="button">
        {withName ? t("invitation.createAccount") : t("invitation.setPassword")}
      </button>
    </Form>
  );
}
