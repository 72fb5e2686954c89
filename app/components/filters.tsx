import { useSearchParams } from "@remix-run/react";

// The fields of a GET filter form: each keeps its value in the address, so a filtered list is a
// link and the form works without JavaScript. Each field is keyed by its value in the address:
// an uncontrolled field keeps what it showed when a link changes the address in the browser.

/** A search box, with an optional hint. */
export function SearchField({ id, label, hint }: { id: string; label: string; hint?: string }) {
  const [params] = useSearchParams();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name="q"
        type="search"
        className="input"
        aria-describedby={hint ? `${id}-hint` : undefined}
        key={params.get("q") ?? ""}
        defaultValue={params.get("q") ?? ""}
      />
    </div>
  );
}

/**
 * A select of the filter form; `any` is the first choice ("all"), meaning no filter, and
 * `fallback` the value chosen when the address has none.
 */
export function FilterSelect({
  id,
  name,
  label,
  any,
  fallback = "",
  options,
}: {
  id: string;
  name: string;
  label: string;
  any?: string;
  fallback?: string;
  options: { value: string; label: string }[];
}) {
  const [params] = useSearchParams();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
        name={name}
        className="input"
        key={params.get(name) ?? fallback}
        defaultValue={params.get(name) ?? fallback}
      >
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
