import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/layout";
import { pageMeta } from "~/domain/kernel/meta";
import { emailField } from "~/domain/kernel/validation";

export const meta = pageMeta("auth.register.sentTitle");

export function loader({ request }: LoaderFunctionArgs) {
  const email = emailField.safeParse(new URL(request.url).searchParams.get("email") ?? "");
  return { email: email.success ? email.data : "" };
}

export default function RegisterSent() {
  const { t } = useTranslation();
  const { email } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <PageHeading>{t("auth.register.sentTitle")}</PageHeading>
      <p className="lead">{t("auth.register.sent", { email })}</p>
    </div>
  );
}
