import type { ReactNode } from 'react';

export type Column = string | { label: string; numeric: true };

/**
 * A GOV.UK table that scrolls sideways inside a focusable, labelled region when it is wider than the
 * screen (WCAG 1.4.10 allows two-dimensional scrolling for data tables). `children` are the body rows.
 */
export function ScrollingTable({ label, caption, columns, children }: { label: string; caption?: string; columns: Column[]; children: ReactNode }) {
  return (
    <div className="app-table-wrapper" role="region" aria-label={label} tabIndex={0}>
      <table className="govuk-table">
        {caption ? <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption> : null}
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th key={column} scope="col" className="govuk-table__header">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="govuk-table__body">{children}</tbody>
      </table>
    </div>
  );
}
