import type { FieldMetadata } from "@conform-to/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorText, translateError } from "~/i18n";

type AnyField = FieldMetadata<string | undefined | string[] | null, Record<string, unknown>, string[]>;

/**
 * What a single control takes from conform's field, each property read once, with its first
 * error worded for this field (see fieldErrorText). Every read of a conform field builds new
 * proxies and records a subscription; conform's getInputProps reads about fifteen (constraints
 * this app does not declare among them), which made it the dearest part of rendering the staff
 * pages (README, "Performance"). Controls sit inside their form, so no `form` attribute.
 */
function useControl(field: AnyField, label: ReactNode) {
  const { i18n } = useTranslation();
  const { id, name, initialValue, errors } = field;
  const message = errors?.[0];
  const error = message ? fieldErrorText(i18n, message, { name, label: labelText(label) }) : undefined;
  const defaultValue = typeof initialValue === "string" ? initialValue : undefined;
  return { props: { id, name, defaultValue }, error };
}

const labelText = (label: ReactNode) => (typeof label === "string" ? label : undefined);

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  optional?: boolean;
}

function FieldShell({ id, label, hint, error, children, optional }: FieldShellProps) {
  const { t } = useTranslation();
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id} className="field__label">
        {label}
        {optional ? <span className="field__optional"> {t("common.optional")}</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <span className="visually-hidden">{t("errors.titlePrefix")} </span>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

interface TextFieldProps {
  field: AnyField;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "tel" | "url" | "number";
  autoComplete?: string;
  optional?: boolean;
  className?: string;
}

export function TextField({ field, label, hint, type = "text", autoComplete, optional, className }: TextFieldProps) {
  const { props, error } = useControl(field, label);
  return (
    <FieldShell id={props.id} label={label} hint={hint} error={error} optional={optional}>
      <input
        {...props}
        type={type === "number" ? "text" : type}
        className={className ? `input ${className}` : "input"}
        autoComplete={autoComplete}
        inputMode={type === "number" ? "numeric" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.id, hint, error)}
      />
    </FieldShell>
  );
}

/** A day written ÅÅÅÅ-MM-DD, with that hint, in a short field. */
export function DateField(props: Omit<TextFieldProps, "hint" | "type" | "className">) {
  const { t } = useTranslation();
  return <TextField {...props} hint={t("cases.hints.date")} className="input--short" />;
}

/** An amount in whole kronor, with that hint unless another is given, in a short field. */
export function AmountField({ hint, ...props }: Omit<TextFieldProps, "type" | "className">) {
  const { t } = useTranslation();
  return <TextField {...props} hint={hint ?? t("cases.hints.sek")} type="number" className="input--short" />;
}

export function TextAreaField({
  field,
  label,
  hint,
  optional,
  rows = 5,
}: Omit<TextFieldProps, "type"> & { rows?: number }) {
  const { props, error } = useControl(field, label);
  return (
    <FieldShell id={props.id} label={label} hint={hint} error={error} optional={optional}>
      <textarea
        {...props}
        rows={rows}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.id, hint, error)}
      />
    </FieldShell>
  );
}

export function SelectField({
  field,
  label,
  hint,
  options,
  placeholder,
}: Omit<TextFieldProps, "type"> & { options: { value: string; label: string }[]; placeholder?: string }) {
  const { props, error } = useControl(field, label);
  return (
    <FieldShell id={props.id} label={label} hint={hint} error={error}>
      <select
        {...props}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.id, hint, error)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A field bots fill in and people never see (spam protection on public forms). */
export function Honeypot() {
  const { t } = useTranslation();
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor="website-hp">{t("auth.honeypot")}</label>
      <input id="website-hp" name="website_hp" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

interface SummaryProps {
  /** conform's form metadata: its id (field ids are `${id}-${name}`) and all errors. */
  form: { id: string; allErrors: Record<string, string[]> };
  /** Where this form's field names are labelled (before the shared `fieldLabels`). */
  labelPrefix?: string;
}

/**
 * GOV.UK-style error summary: receives focus, names each field and links to it, and
 * prefixes the page title with "Fel:" so that screen-reader users hear at once that
 * something is wrong. Field names are shown with the `fieldLabels` of the locale.
 */
export function ErrorSummary({ form, labelPrefix }: SummaryProps) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const all = Object.entries(form.allErrors).filter(([, messages]) => messages.length > 0);
  // The form's own errors (name "") introduce the list; each field's error is a link to it.
  const general = all.filter(([name]) => !name).flatMap(([, messages]) => messages);
  const entries = all.filter(([name]) => name);
  const count = all.length;
  useEffect(() => {
    if (count === 0) return;
    ref.current?.focus();
    const prefix = String(t("errors.titlePrefix"));
    if (!document.title.startsWith(prefix)) document.title = `${prefix} ${document.title}`;
    return () => {
      document.title = document.title.replace(`${prefix} `, "");
    };
  }, [count, form.allErrors, t]);
  if (count === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${form.id}--error-summary`}>
      <h2 id={`${form.id}--error-summary`}>{t("errors.summaryTitle")}</h2>
      {general.map((message) => (
        <p key={message}>{translateError(t, message)}</p>
      ))}
      <ul>
        {entries.map(([name, messages]) => {
          const labelKey = [`${labelPrefix ?? "fieldLabels"}.${name}`, `fieldLabels.${name}`].find((k) =>
            i18n.exists(k),
          );
          const label = name && labelKey ? String(t(labelKey)) : undefined;
          // The same words as at the field; the form's own errors (name "") have no field to link to.
          const text = fieldErrorText(i18n, messages[0] ?? "", { name, label });
          return (
            <li key={name}>
              <a href={`#${form.id}-${name}`}>{text}</a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** "New password" and "repeat it": the pair every password form has. */
export function NewPasswordFields({
  password,
  confirmPassword,
  labelKey = "auth.password",
}: {
  password: AnyField;
  confirmPassword: AnyField;
  labelKey?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        field={password}
        label={t(labelKey)}
        hint={t("auth.passwordHint")}
        type="password"
        autoComplete="new-password"
      />
      <TextField
        field={confirmPassword}
        label={t("auth.confirmPassword")}
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}

/** A file input with the allowed types and size as hint, and its error in place. */
export function FileField({ id, error, optional }: { id: string; error?: string; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id} className="field__label">
        {t("org.file")}
        {optional ? <span className="field__optional"> {t("common.optional")}</span> : null}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {t("org.fileHint")}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {t(error)}
        </p>
      ) : null}
      <input
        id={id}
        name="file"
        type="file"
        className="input-file"
        accept=".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
    </div>
  );
}

type ChoiceField = FieldMetadata<string | string[] | undefined, Record<string, unknown>, string[]>;

/**
 * The inputs of a group of checkboxes or radio buttons, one per option, the field read once
 * (see useControl); each points to the group's error, shown with the id `${id}-error`.
 */
export function choiceInputs(field: ChoiceField, type: "checkbox" | "radio", values: readonly string[]) {
  const { id, name, initialValue, errors } = field;
  const invalid = errors !== undefined && errors.length > 0;
  const inputs = values.map((value) => ({
    id: `${id}-${value}`,
    name,
    type,
    value,
    defaultChecked: Array.isArray(initialValue) ? initialValue.includes(value) : initialValue === value,
    "aria-invalid": invalid || undefined,
    "aria-describedby": invalid ? `${id}-error` : undefined,
  }));
  return { id, name, error: errors?.[0], inputs };
}

/** Checkboxes or radio buttons for one field, in a fieldset with its legend and error. */
export function ChoiceGroup({
  field,
  type,
  legend,
  options,
  className,
}: {
  field: ChoiceField;
  type: "checkbox" | "radio";
  legend: ReactNode;
  options: { value: string; label: string }[];
  className?: string;
}) {
  const { i18n } = useTranslation();
  const {
    id,
    name,
    error: message,
    inputs,
  } = choiceInputs(
    field,
    type,
    options.map((o) => o.value),
  );
  const error = message ? fieldErrorText(i18n, message, { name, label: labelText(legend) }) : undefined;
  const labels = new Map(options.map((o) => [o.value, o.label]));
  return (
    <fieldset className={error ? "fieldset field--error" : "fieldset"} id={id}>
      <legend>{legend}</legend>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className={className}>
        {inputs.map((props) => (
          <div className="checkbox" key={props.value}>
            <input {...props} />
            <label htmlFor={props.id}>{labels.get(props.value)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
