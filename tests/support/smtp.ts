import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { freePort } from "../../scripts/db";

/** A real SMTP server for tests: collects every message it receives. */
export interface TestSmtp {
  port: number;
  messages: ParsedMail[];
  waitFor: (predicate: (m: ParsedMail) => boolean, timeoutMs?: number) => Promise<ParsedMail>;
  stop: () => Promise<void>;
  start: () => Promise<void>;
}

export const recipients = (m: ParsedMail) =>
  (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));

export async function startSmtp(): Promise<TestSmtp> {
  // A fixed port outside the ephemeral range, so a restarted server gets it back.
  const port = await freePort();
  const messages: ParsedMail[] = [];
  let server: SMTPServer | undefined;
  const smtp: TestSmtp = {
    port,
    messages,
    async start() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS", "AUTH"],
        logger: false,
        onData(stream, _session, callback) {
          simpleParser(stream)
            .then((mail) => {
              messages.push(mail);
              callback();
            })
            .catch((error: Error) => callback(error));
        },
      });
      await new Promise<void>((resolve, reject) => {
        server?.server.once("error", reject);
        server?.listen(smtp.port, "127.0.0.1", () => resolve());
      });
    },
    async stop() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = undefined;
    },
    async waitFor(predicate, timeoutMs = 15_000) {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        const found = messages.find(predicate);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`No matching email within ${timeoutMs} ms; got: ${messages.map((m) => m.subject).join(", ")}`);
    },
  };
  await smtp.start();
  return smtp;
}

/** The first link to `path` in the email's text. */
export function linkIn(mail: ParsedMail, path: string): string {
  const match = (mail.text ?? "").match(
    new RegExp(`https?://[^\\s\\]]+${path.replace(/[/]/g, "\\/")}\\?token=[\\w-]+`),
  );
  if (!match) throw new Error(`No ${path} link in: ${mail.text}`);
  return match[0];
}
