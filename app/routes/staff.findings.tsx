import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { CsrfInput } from '~/components/csrf-input';
import { TextArea } from '~/components/choice-fields';
import { publishFindings } from '~/findings/publish.server';
import { latestVersion } from '~/research/published-reports.server';
import { requireRole } from '~/auth/guards.server';
import { visibleProgrammes } from '~/auth/scope';
import { ErrorSummary } from '~/components/error-summary';
import { FilterSelect } from '~/components/filter-select';
import { findingsRequest } from '~/reports/findings-page.server';
import { buildQuarterlyReport } from '~/reports/quarterly.server';
import { LEVEL_LABELS } from '~/reports/report-request';
import { chartUris } from '~/reports/charts.server';
import { ReportBody } from '~/reports/components/report-body';
import { listLocalAuthorities, listRegions } from '~/research/reference.server';

export const meta: MetaFunction = () => [{ title: 'Quarterly findings – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'programme_lead', 'analyst', 'administrator', 'la_officer');
  const search = new URL(request.url).searchParams;
  const ownLa = user.role === 'la_officer' ? (user.laCode ?? 'none') : null;
  const { input, parsed, choices } = findingsRequest(visibleProgrammes(user), search, { ownLa });
  if (!parsed.ok && parsed.forbidden) throw new Response('You can read the findings for your own programmes only', { status: 403 });
  const regions = (await listRegions()).map((region) => ({ value: region.code, label: region.name }));
  if (!parsed.ok) return { input, choices, regions, errors: parsed.errors, report: null, downloads: null, publishing: null, charts: {}, ownLaName: null };
  const report = await buildQuarterlyReport({ ...parsed.request, regionCode: parsed.request.level === 'la' ? parsed.request.regionCode : null });
  const query = new URLSearchParams({ quarter: parsed.request.quarter.key, programme: parsed.request.programme, level: parsed.request.level, ...(parsed.request.regionCode ? { region: parsed.request.regionCode } : {}) });
  const downloads = Object.fromEntries((['docx', 'xlsx', 'csv'] as const).map((format) => [format, `/staff/findings.${format}?${query.toString()}`]));
  const publishing =
    user.role === 'administrator'
      ? { version: await latestVersion({ quarter: parsed.request.quarter.key, programme: parsed.request.programme, level: parsed.request.level }), fields: Object.fromEntries(query) }
      : null;
  const ownLaName = ownLa ? ((await listLocalAuthorities()).find((la) => la.code === ownLa)?.name ?? ownLa) : null;
  return { input, choices, regions, errors: [], report, downloads, publishing, charts: await chartUris(report), ownLaName };
}


export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'administrator');
  const form = await request.formData();
  await requireCsrf(request, form);
  const result = await publishFindings(form, { userId: user.id, correlationId: context.requestId });
  if (!result.ok) return { errors: result.errors };
  throw redirect(`/reports/${result.id}?published=1`);
}

export default function Findings() {
  const { input, choices, regions, errors: requestErrors, report, downloads, publishing, charts, ownLaName } = useLoaderData<typeof loader>();
  const publishErrors = useActionData<typeof action>()?.errors ?? [];
  // The choosing form's fields are named filter-…, so the summary's links reach them.
  const errors = [...requestErrors, ...publishErrors].map((error) => (['quarter', 'programme', 'level', 'region'].includes(error.field) ? { ...error, field: `filter-${error.field}` } : error));
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Quarterly findings</h1>
      <form method="get" aria-label="Choose the findings to read" className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <FilterSelect name="quarter" label="Quarter" value={input.quarter} options={choices.quarters} any="This quarter" />
          </div>
          {ownLaName ? null : (
            <>
              <div className="govuk-grid-column-one-third">
                <FilterSelect name="programme" label="Programme" value={input.programme} options={choices.programmes} any="Choose a programme" />
              </div>
              <div className="govuk-grid-column-one-third">
                <FilterSelect name="level" label="Areas" value={input.level} options={Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value, label }))} any="England" />
              </div>
            </>
          )}
        </div>
        {ownLaName ? null : <FilterSelect name="region" label="Region (for local authorities)" value={input.region} options={regions} any="All regions" />}
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Show the findings
        </button>
      </form>
      {report ? (
        <>
          <span className="govuk-caption-l">{ownLaName ? `${ownLaName}: what families in your area told us` : report.programme ? report.programme.name : 'All five programmes'}</span>
          <h2 className="govuk-heading-l">{report.quarter.label}</h2>
          {downloads ? (
            <ul className="govuk-list">
              <li>
                <a className="govuk-link" href={downloads.docx} download>
                  Download the report (Word)
                </a>
              </li>
              <li>
                <a className="govuk-link" href={downloads.xlsx} download>
                  Download the tables (Excel, a sheet per table)
                </a>
              </li>
              <li>
                <a className="govuk-link" href={downloads.csv} download>
                  Download every table as a tidy CSV
                </a>
              </li>
            </ul>
          ) : null}
          <ReportBody report={report} charts={charts} />
          {publishing ? (
            <>
              <h2 className="govuk-heading-m" id="publish">
                Publish these findings
              </h2>
              <p className="govuk-body">
                {publishing.version === 0
                  ? 'Once published, everyone can read this report, and download it, on the public findings page. What is published stays as it is now.'
                  : `Version ${publishing.version} is published. Publishing again makes a corrected version ${publishing.version + 1}; the earlier one stays reachable.`}
              </p>
              <Form method="post">
                <CsrfInput />
                {Object.entries(publishing.fields).map(([name, value]) => (
                  <input type="hidden" name={name} value={value} key={name} />
                ))}
                {publishing.version > 0 ? (
                  <TextArea name="note" label="What was corrected" hint="Shown beside the new version." error={publishErrors.find((error) => error.field === 'note')?.message} />
                ) : null}
                <button type="submit" className="govuk-button" data-module="govuk-button">
                  {publishing.version === 0 ? 'Publish' : 'Publish a corrected version'}
                </button>
              </Form>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
