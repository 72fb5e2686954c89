import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import { emailMessages, type EmailLocale } from "./messages";
import type { Sender } from "./templates";

export interface ActionEmailProps {
  locale: EmailLocale;
  heading: string;
  body: string;
  buttonLabel: string;
  url: string;
  sender: Sender;
}

const styles = {
  body: { backgroundColor: "#f4f4f1", fontFamily: "Arial, Helvetica, sans-serif", color: "#1b1b1b" },
  container: {
    backgroundColor: "#ffffff",
    margin: "24px auto",
    padding: "32px",
    maxWidth: "560px",
    borderRadius: "6px",
  },
  brand: { fontSize: "14px", fontWeight: 700, color: "#1d5b3f", letterSpacing: "0.04em", margin: 0 },
  heading: { fontSize: "24px", margin: "16px 0" },
  text: { fontSize: "16px", lineHeight: "24px" },
  button: {
    backgroundColor: "#1d5b3f",
    color: "#ffffff",
    padding: "12px 20px",
    borderRadius: "4px",
    fontSize: "16px",
    textDecoration: "none",
  },
  small: { fontSize: "13px", lineHeight: "20px", color: "#4a4a4a" },
};

/** One layout for every email that asks the reader to follow a link. */
export function ActionEmail({ locale, heading, body, buttonLabel, url, sender }: ActionEmailProps) {
  const m = emailMessages[locale];
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{heading}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>SAMVERKA</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          <Text style={styles.text}>{body}</Text>
          <Section style={{ margin: "24px 0" }}>
            <Button href={url} style={styles.button}>
              {buttonLabel}
            </Button>
          </Section>
          <Text style={styles.small}>
            {m.linkFallback}
            <br />
            <Link href={url}>{url}</Link>
          </Text>
          <Text style={styles.small}>{m.ignore}</Text>
          <Hr />
          <Text style={styles.small}>
            {m.footer}
            <br />
            {sender.office}
            {sender.email ? (
              <>
                <br />
                <Link href={`mailto:${sender.email}`}>{sender.email}</Link>
                {sender.phone ? ` · ${sender.phone}` : null}
              </>
            ) : null}
            {sender.url ? (
              <>
                <br />
                <Link href={sender.url}>{sender.url.replace(/^https?:\/\//, "")}</Link>
              </>
            ) : null}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
