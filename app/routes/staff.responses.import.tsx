import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { SelectField } from '~/components/select-field';
import { SuccessBanner } from '~/components/success-banner';
import { ScrollingTable } from '~/components/table';
import { recordAudit } from '~/governance/audit.server';
import { getSurvey, listSurveys } from '~/surveys/definitions.server';
import { importResponses, MAX_UPLOAD_BYTES, META_COLUMNS, readResponseFile, type ImportProblem } from '~/surveys/import.server';

export const meta: MetaFunction = () => [{ title: 'Bring in responses – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'la_officer', 'analyst', 'administrator');
  return {
    surveys: listSurveys().map((survey) => ({ value: survey.id, label: survey.text[survey.locales[0]!]!.title })),
    onlyLa: user.role === 'la_officer' ? user.laCode : null,
    metaColumns: META_COLUMNS,
    maxMegabytes: MAX_UPLOAD_BYTES / 1024 / 1024,
  };
}

type Outcome = { done: { rows: number; stored: number; alreadyStored: number } } | { problems: ImportProblem[]; total: number; field: string };

export async function action({ request, context }: ActionFunctionArgs): Promise<Outcome> {
  const user = await requireRole(request, 'la_officer', 'analyst', 'administrator');
  const form = await request.formData();
  await requireCsrf(request, form);
  const survey = getSurvey(String(form.get('survey') ?? ''));
  if (!survey) return { problems: [{ line: null, message: 'Choose the question set the responses answer' }], total: 1, field: 'survey' };
  const file = form.get('file');
  if (!(file instanceof File) || (file.size === 0 && file.name === '')) return { problems: [{ line: null, message: 'Select a file' }], total: 1, field: 'file' };
  if (user.role === 'la_officer' && !user.laCode) return { problems: [{ line: null, message: 'Your account has no local authority: ask an administrator to set it' }], total: 1, field: 'file' };
  const read = await readResponseFile(new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return { problems: read.problems, total: read.problems.length, field: 'file' };
  const result = await importResponses({ survey, header: read.header, rows: read.rows, onlyLa: user.role === 'la_officer' ? user.laCode! : undefined });
  if (!result.ok) return { problems: result.problems, total: result.total, field: 'file' };
  await recordAudit({ who: user.id, what: 'responses.import', correlationId: context.requestId, details: { survey: survey.id, rows: result.rows, stored: result.stored, alreadyStored: result.alreadyStored } });
  return { done: { rows: result.rows, stored: result.stored, alreadyStored: result.alreadyStored } };
}

const where = (problem: ImportProblem) => (problem.line === null ? 'The file' : `Line ${problem.line}`);

export default function ImportResponses() {
  const { surveys, onlyLa, metaColumns, maxMegabytes } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const problems = outcome && 'problems' in outcome ? outcome : null;
  const done = outcome && 'done' in outcome ? outcome.done : null;
  const summary = problems
    ? [{ field: problems.field, message: problems.total === 1 ? `Nothing was imported: ${where(problems.problems[0]!).toLowerCase()}: ${problems.problems[0]!.message}` : `Nothing was imported: the file has ${problems.total} problems, listed below` }]
    : [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} />
        {done ? <SuccessBanner message={`${done.rows} rows read: ${done.stored} responses stored${done.alreadyStored > 0 ? `, ${done.alreadyStored} already stored before` : ''}.`} /> : null}
        <h1 className="govuk-heading-l">Bring in responses you collected</h1>
        <p className="govuk-body">
          If you ran a question set yourself, on paper or in another tool, bring the answers in here. Every row is checked as an answer sent through
          this service is, and names, emails and phone numbers are removed from what people wrote. If any row has a problem, nothing is stored and
          every problem is listed, so you can correct the file and try again. Bringing in the same file twice stores nothing new.
        </p>
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">How to lay out the file</span>
          </summary>
          <div className="govuk-details__text">
            <p className="govuk-body">A CSV file saved as UTF-8, or an Excel workbook (its first sheet), up to {maxMegabytes} MB. The first row names the columns:</p>
            <ul className="govuk-list govuk-list--bullet">
              <li>one column for each question, named as in the question set’s JSON (a grid’s statements as “question/statement”);</li>
              <li>answers as their values; where more than one can be chosen, separated by “;”;</li>
              <li>
                and any of: {metaColumns.join(', ')} (the date as 2026-10-31){onlyLa ? `; la_code may be left empty for your own authority (${onlyLa})` : ''}.
              </li>
            </ul>
            <p className="govuk-body">Larger files can be brought in by the service team from the command line.</p>
          </div>
        </details>
        <Form method="post" encType="multipart/form-data" noValidate>
          <CsrfInput />
          <SelectField name="survey" label="Question set" options={surveys} defaultValue="common-question-set" error={problems?.field === 'survey' ? summary[0]?.message : undefined} />
          <div className={`govuk-form-group${problems?.field === 'file' ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor="file">
              The file
            </label>
            {problems?.field === 'file' ? (
              <p className="govuk-error-message" id="file-error">
                <span className="govuk-visually-hidden">Error:</span> {summary[0]?.message}
              </p>
            ) : null}
            <input className={`govuk-file-upload${problems?.field === 'file' ? ' govuk-file-upload--error' : ''}`} id="file" name="file" type="file" accept=".csv,.xlsx" aria-describedby={problems?.field === 'file' ? 'file-error' : undefined} />
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Bring in the responses
          </button>
        </Form>
        {problems && problems.problems.length > 1 ? (
          <>
            <h2 className="govuk-heading-m">Problems in the file</h2>
            {problems.total > problems.problems.length ? <p className="govuk-body">The first {problems.problems.length} of {problems.total}.</p> : null}
            <ScrollingTable label="Problems in the file" columns={['Where', 'Column', 'Problem']}>
              {problems.problems.map((problem, index) => (
                <tr className="govuk-table__row" key={index}>
                  <td className="govuk-table__cell">{where(problem)}</td>
                  <td className="govuk-table__cell">{problem.column ?? ''}</td>
                  <td className="govuk-table__cell app-break-words">{problem.message}</td>
                </tr>
              ))}
            </ScrollingTable>
          </>
        ) : null}
      </div>
    </div>
  );
}
