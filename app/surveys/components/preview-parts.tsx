import { ErrorSummary } from '~/components/error-summary';
import { WarningText } from '~/components/warning-text';

type StoredResult = { ok: true; answers: Record<string, unknown> } | { ok: false; errors: { field: string; message: string }[] };

/** Says, on every page of a staff preview, that nothing entered is kept. */
export function PreviewWarning() {
  return (
    <WarningText>
      This is a preview. Nothing you enter is saved or sent.
    </WarningText>
  );
}

/** What a submission of these answers would store, or why it would be refused. */
export function StoredAnswers({ result }: { result: StoredResult }) {
  if (!result.ok) {
    return (
      <>
        <h2 className="govuk-heading-m">These answers would be refused</h2>
        <ErrorSummary errors={result.errors} />
      </>
    );
  }
  return (
    <>
      <h2 className="govuk-heading-m">What would be stored</h2>
      <p className="govuk-body">The answers as the research store would keep them: checked, hidden answers removed and typed text scrubbed.</p>
      <pre className="govuk-body-s app-message-body" data-testid="stored-answers" tabIndex={0}>
        {JSON.stringify(result.answers, null, 2)}
      </pre>
    </>
  );
}
