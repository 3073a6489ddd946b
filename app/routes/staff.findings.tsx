import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireRole } from '~/auth/guards.server';
import { visibleProgrammes } from '~/auth/scope';
import { ErrorSummary } from '~/components/error-summary';
import { FilterSelect } from '~/components/filter-select';
import { ScrollingTable } from '~/components/table';
import { findingsRequest } from '~/reports/findings-page.server';
import { buildQuarterlyReport } from '~/reports/quarterly.server';
import { LEVEL_LABELS } from '~/reports/report-request';
import { changeText, methodNote, percentText, reachRows, sectionHeading } from '~/reports/report-text';
import { listRegions } from '~/research/reference.server';

export const meta: MetaFunction = () => [{ title: 'Quarterly findings – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'programme_lead', 'analyst', 'administrator');
  const search = new URL(request.url).searchParams;
  const { input, parsed, choices } = findingsRequest(visibleProgrammes(user), search);
  if (!parsed.ok && parsed.forbidden) throw new Response('You can read the findings for your own programmes only', { status: 403 });
  const regions = (await listRegions()).map((region) => ({ value: region.code, label: region.name }));
  if (!parsed.ok) return { input, choices, regions, errors: parsed.errors, report: null, downloads: null };
  const report = await buildQuarterlyReport({ ...parsed.request, regionCode: parsed.request.level === 'la' ? parsed.request.regionCode : null });
  const query = new URLSearchParams({ quarter: parsed.request.quarter.key, programme: parsed.request.programme, level: parsed.request.level, ...(parsed.request.regionCode ? { region: parsed.request.regionCode } : {}) });
  const downloads = Object.fromEntries((['docx', 'xlsx', 'csv'] as const).map((format) => [format, `/staff/findings.${format}?${query.toString()}`]));
  return { input, choices, regions, errors: [], report, downloads };
}


export default function Findings() {
  const { input, choices, regions, errors, report, downloads } = useLoaderData<typeof loader>();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Quarterly findings</h1>
      <form method="get" aria-label="Choose the findings to read" className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <FilterSelect name="quarter" label="Quarter" value={input.quarter} options={choices.quarters} any="This quarter" />
          </div>
          <div className="govuk-grid-column-one-third">
            <FilterSelect name="programme" label="Programme" value={input.programme} options={choices.programmes} any="Choose a programme" />
          </div>
          <div className="govuk-grid-column-one-third">
            <FilterSelect name="level" label="Areas" value={input.level} options={Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value, label }))} any="England" />
          </div>
        </div>
        <FilterSelect name="region" label="Region (for local authorities)" value={input.region} options={regions} any="All regions" />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Show the findings
        </button>
      </form>
      {report ? (
        <>
          <span className="govuk-caption-l">{report.programme ? report.programme.name : 'All five programmes'}</span>
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
          <h2 className="govuk-heading-m">Who we heard from</h2>
          <dl className="govuk-summary-list">
            {reachRows(report).map(([label, value]) => (
              <div className="govuk-summary-list__row" key={String(label)}>
                <dt className="govuk-summary-list__key">{label}</dt>
                <dd className="govuk-summary-list__value">{value === null ? 'Fewer than 10' : Number(value).toLocaleString('en-GB')}</dd>
              </div>
            ))}
          </dl>

          <h2 className="govuk-heading-m">What families talked about</h2>
          {report.themes.codes.length === 0 ? (
            <p className="govuk-body">No answers or transcripts from this quarter have been coded yet.</p>
          ) : (
            <>
              <p className="govuk-body">
                The codes analysts applied to free-text answers and session transcripts from this quarter
                {report.themes.codedExcerpts === null ? '' : ` (${report.themes.codedExcerpts.toLocaleString('en-GB')} coded excerpts)`}, with quotes they chose as fit
                to share.
              </p>
              <ScrollingTable label="Codes" caption="Codes applied this quarter" columns={['Code', { label: 'Excerpts', numeric: true }, { label: 'Share', numeric: true }]}>
                {report.themes.codes.map((code) => (
                  <tr className="govuk-table__row" key={code.name}>
                    <td className="govuk-table__cell">
                      {code.name}
                      {code.parentName ? <span className="govuk-body-s"> ({code.parentName})</span> : null}
                    </td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{code.count === null ? '[c]' : code.count}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{percentText(code.share)}</td>
                  </tr>
                ))}
              </ScrollingTable>
              {report.themes.codes
                .filter((code) => code.quotes.length > 0)
                .map((code) => (
                  <div key={code.name}>
                    <h3 className="govuk-heading-s">In their words: {code.name}</h3>
                    {code.quotes.map((quote) => (
                      <blockquote className="govuk-body app-excerpt" key={quote}>
                        {quote}
                      </blockquote>
                    ))}
                  </div>
                ))}
            </>
          )}

          {report.sections.map((section) => (
            <section key={section.surveyId} aria-labelledby={`section-${section.surveyId}`}>
              <h2 className="govuk-heading-m" id={`section-${section.surveyId}`}>
                {sectionHeading(section)}
              </h2>
              <p className="govuk-body">{section.responses === null ? 'Fewer than 10 responses: the tables are not shown.' : `${section.responses.toLocaleString('en-GB')} responses.`}</p>
              {section.responses === null
                ? null
                : section.tables.map((table) => (
                    <ScrollingTable
                      key={table.question}
                      label={table.title}
                      caption={`${table.title}${table.multiple ? ' (more than one answer could be chosen)' : ''}`}
                      columns={['Area', { label: 'Answered', numeric: true }, ...table.answers.map((answer) => ({ label: answer.label, numeric: true as const }))]}
                    >
                      {table.rows.map((row) => (
                        <tr className="govuk-table__row" key={row.areaCode}>
                          <th scope="row" className="govuk-table__header">
                            {row.areaName}
                          </th>
                          <td className="govuk-table__cell govuk-table__cell--numeric">{row.base === null ? '[c]' : row.base}</td>
                          {row.cells.map((cell) => (
                            <td className="govuk-table__cell govuk-table__cell--numeric" key={cell.answer}>
                              {cell.suppressed ? (
                                '[c]'
                              ) : (
                                <>
                                  {cell.count} ({percentText(cell.share)})
                                  {cell.change !== null ? <span className="govuk-body-s govuk-!-display-block">{changeText(cell.change)}</span> : null}
                                </>
                              )}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </ScrollingTable>
                  ))}
            </section>
          ))}

          <h2 className="govuk-heading-m">How these findings were made</h2>
          <ul className="govuk-list govuk-list--bullet">
            {methodNote(report).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
