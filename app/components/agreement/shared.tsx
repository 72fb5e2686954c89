import { IntentButton } from "../case";
import { getFormProps, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { AgreementView } from "~/domain/agreements/agreements.server";
import type { DiffPart } from "~/domain/agreements/diff";
import { ErrorSummary } from "../forms";

// What the agreement page's panels share: the forms' results, a form posting one intent, and a
// panel with one action.

export type Result = SubmissionResult<string[]> | undefined;
/** What a panel of the active agreement (ledger, follow-up) needs: the view and its forms' results. */
export type PanelProps = { view: AgreementView; version: number; resultFor: (form: string) => Result };

export interface AgreementPageData {
  case: { id: string; title: string; caseNumber: string | null; status: string; version: number };
  view: AgreementView | null;
  diff: { from: number; to: number; sections: { key: string; changed: boolean; parts: DiffPart[] }[] } | null;
  choices: {
    organisation: { id: string; name: string; organisation: string }[];
    municipality: { id: string; name: string }[];
    organisations: { id: string; name: string; required: number }[];
  } | null;
  back: string;
  staff: boolean;
  /** Where signing asks for e-ID (step-up): the provider, and a fresh authentication if made. */
  signWith: {
    provider: { id: string; label: string } | null;
    fresh: { label: string; authTime: string } | null;
    /** The signing a step-up is made for ("caseId:number"). */
    signing: string | null;
  } | null;
}

/**
 * The agreement's forms share a shape: the error summary, the intent, the version the person
 * saw (a stale one is 409), the fields, one button.
 */
export function IntentForm<Schema extends Record<string, unknown>>({
  form,
  intent,
  version,
  submit,
  secondary = false,
  withFile = false,
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  intent: string;
  version?: number;
  submit: string;
  secondary?: boolean;
  /** Sent as multipart: the form has a file input. */
  withFile?: boolean;
  children: React.ReactNode;
}) {
  return (
    <Form method="post" {...getFormProps(form)} encType={withFile ? "multipart/form-data" : undefined} className="form">
      <ErrorSummary form={form} labelPrefix="agreement.fields" />
      <input type="hidden" name="intent" value={intent} />
      {version === undefined ? null : <input type="hidden" name="version" value={version} />}
      {children}
      <button type="submit" className={secondary ? "button button--secondary" : "button"}>
        {submit}
      </button>
    </Form>
  );
}

/** A one-button panel: a lead, the intent and the version the person saw. */
export function ActionPanel({
  lead,
  intent,
  version,
  secondary = false,
  children,
}: {
  lead: string;
  intent: string;
  version: number;
  secondary?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className="panel">
      <p>{lead}</p>
      <IntentButton intent={intent} version={version} secondary={secondary}>
        {children}
      </IntentButton>
    </div>
  );
}
