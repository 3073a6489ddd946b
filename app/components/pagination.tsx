/** GOV.UK pagination: Previous and Next links that keep the page's other filters. */
export function Pagination({ page, pageCount, params, label }: { page: number; pageCount: number; params: Record<string, string>; label: string }) {
  if (pageCount <= 1) return null;
  const href = (to: number) => `?${new URLSearchParams({ ...params, page: String(to) }).toString()}`;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label={label}>
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href={href(page - 1)} rel="prev">
            <span className="govuk-pagination__link-title">Previous<span className="govuk-visually-hidden"> page</span></span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">
              Page {page - 1} of {pageCount}
            </span>
          </a>
        </div>
      ) : null}
      {page < pageCount ? (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href={href(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">Next<span className="govuk-visually-hidden"> page</span></span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">
              Page {page + 1} of {pageCount}
            </span>
          </a>
        </div>
      ) : null}
    </nav>
  );
}
