import type { ReactNode } from "react";

export interface Column<R> {
  label: string;
  cell: (row: R) => ReactNode;
}

/**
 * A table that becomes a list of labelled rows on narrow screens (each cell shows its column's
 * label), so nothing scrolls sideways at 320 px (WCAG 1.4.10). The labels come from `data-label`.
 */
export function StackedTable<R extends { id: string }>({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: Column<R>[];
  rows: R[];
}) {
  return (
    <table className="table table--stack">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" key={c.label}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            {columns.map((c) => (
              <td key={c.label} data-label={c.label}>
                {/* One wrapper, so the stacked layout has exactly a label and a value. */}
                <div>{c.cell(r)}</div>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
