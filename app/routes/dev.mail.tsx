import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/layout";
import { useLang } from "~/components/root-data";
import { getEnv } from "~/domain/kernel/env.server";
import { pageMeta } from "~/http/meta";
import { formatDateTime } from "~/i18n";

export const meta = pageMeta("dev.mailTitle");

interface StoredMail {
  file: string;
  to: string;
  subject: string;
  text: string;
  date: string;
}

/** Development only: the mail that would have been sent (see mailer.server.ts). */
export async function loader() {
  const env = getEnv();
  if (env.NODE_ENV !== "development") throw new Response("Sidan finns inte", { status: 404 });
  const files = (await readdir(env.MAIL_DIR).catch(() => [] as string[])).filter((f) => f.endsWith(".json"));
  const latest = files.sort().reverse().slice(0, 50);
  const mails = await Promise.all(
    latest.map(async (file): Promise<StoredMail> => {
      const m = JSON.parse(await readFile(join(env.MAIL_DIR, file), "utf8")) as Omit<StoredMail, "file">;
      return { file, to: m.to, subject: m.subject, text: m.text, date: m.date };
    }),
  );
  return { dir: env.MAIL_DIR, mails };
}

export default function DevMail() {
  const { t } = useTranslation();
  const lang = useLang();
  const { dir, mails } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading lead={t("dev.mailLead", { dir })}>{t("dev.mailTitle")}</PageHeading>
      {mails.length === 0 ? <p>{t("dev.noMail")}</p> : null}
      {mails.map((m) => (
        <article key={m.file} className="panel mail">
          <h2>{m.subject}</h2>
          <p className="muted">
            {t("dev.to")}: {m.to} · {t("dev.date")}: {formatDateTime(m.date, lang)}
          </p>
          <pre className="mail__text">{m.text}</pre>
        </article>
      ))}
    </>
  );
}
