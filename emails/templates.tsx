import { render } from "@react-email/render";
import { ActionEmail } from "./layout";
import { emailMessages, fill, type EmailLocale } from "./messages";

// Each template: props in, subject + HTML + plain text out. No database access here.

/**
 * Who writes: the public body's office with the body's name, its contact and its address, each
 * body its own (decision 028).
 */
export interface Sender {
  office: string;
  email: string;
  phone: string;
  url: string;
}

interface Common {
  locale: EmailLocale;
  url: string;
  sender: Sender;
}

interface ReceiptFields {
  caseNumber: string;
  title: string;
  kindLabel: string;
  organisation: string;
  publicBody: string;
  date: string;
  days: string;
}

export type EmailTemplate =
  | ({ template: "verify" | "reset" | "already" } & Common & { name: string })
  | ({ template: "orgInvite" } & Common & { inviter: string; organisation: string; role: string; publicBody: string })
  | ({ template: "staffInvite" } & Common & { inviter: string; role: string; publicBody: string })
  | ({ template: "receipt" } & Common & ReceiptFields)
  | ({ template: "receiptRouted" } & Common & ReceiptFields & { officer: string; department: string })
  | ({ template: "routedOrg" } & Common & {
        caseNumber: string;
        title: string;
        officer: string;
        officerEmail: string;
        department: string;
      })
  | ({ template: "routedOfficer" } & Common & {
        caseNumber: string;
        title: string;
        organisation: string;
        department: string;
      })
  | ({ template: "notice"; notice: NoticeType } & Common & {
        caseNumber: string;
        title: string;
        name: string;
        publicBody?: string;
        reasons?: string;
        days?: string;
        date?: string;
        amount?: string;
      });

/** Short case notifications that share one shape (see `notices` in messages.ts). */
export type NoticeType = keyof (typeof emailMessages)["sv"]["notices"];

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** The sender; an email effect stored before senders had contacts names the office alone. */
const senderOf = (input: EmailTemplate): Sender =>
  input.sender ?? { office: (input as { officeName?: string }).officeName ?? "", email: "", phone: "", url: "" };

export async function renderEmail(input: EmailTemplate): Promise<RenderedEmail> {
  const texts =
    input.template === "notice"
      ? emailMessages[input.locale].notices[input.notice]
      : emailMessages[input.locale][input.template];
  const values: Record<string, string> = Object.fromEntries(
    Object.entries(input).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const element = (
    <ActionEmail
      locale={input.locale}
      heading={fill(texts.heading, values)}
      body={fill(texts.body, values)}
      buttonLabel={texts.button}
      url={input.url}
      sender={senderOf(input)}
    />
  );
  return {
    subject: fill(texts.subject, values),
    html: await render(element),
    text: await render(element, { plainText: true }),
  };
}
