/** Shown without JavaScript where a question set can only be drawn by the React UI. */
export function NeedsJavaScript({ plainPagesHref }: { plainPagesHref?: string }) {
  return (
    <div className="govuk-inset-text app-no-js-only">
      {plainPagesHref ? (
        <>
          These questions work best with JavaScript, which is turned off or not available in this browser.{' '}
          <a className="govuk-link" href={plainPagesHref}>
            Answer them on simple pages instead
          </a>
          .
        </>
      ) : (
        <>
          These questions need JavaScript, which is turned off or not available in this browser. Turn it on, or try another browser
          or device. If you cannot, <a className="govuk-link" href="/contact">contact us</a> and we will find another way for you to answer.
        </>
      )}
    </div>
  );
}
