import { Form } from "@remix-run/react";

/**
 * A button that starts a sign-in at an OpenID provider: it posts to Samverka, which sends the
 * browser on to the provider (a full page load: the provider is another site). `purpose` says
 * what the sign-in is for: signing in, linking an e-ID, a fresh e-ID before signing, or a test.
 */
export function ProviderButton({
  providerId,
  purpose,
  returnTo,
  label,
  secondary,
  signing,
}: {
  providerId: string;
  purpose: "signin" | "link" | "stepup" | "test";
  returnTo: string;
  label: string;
  secondary?: boolean;
  /** For a step-up: the case and version it is for ("caseId:number"). */
  signing?: string;
}) {
  return (
    <Form method="post" action={`/logga-in/med/${providerId}`} reloadDocument>
      <input type="hidden" name="purpose" value={purpose} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {signing ? <input type="hidden" name="signing" value={signing} /> : null}
      <button type="submit" className={secondary ? "button button--secondary" : "button"}>
        {label}
      </button>
    </Form>
  );
}
