import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ErrorSummary } from '~/components/error-summary';
import { FilterSelect } from '~/components/filter-select';
import { readerRequest } from '~/findings/representation.server';
import { RepresentationBody } from '~/reports/components/representation-body';
import { LEVEL_LABELS } from '~/reports/report-request';
import { SOURCE_CHOICES, SOURCE_LABELS } from '~/reports/representation-request';
import { buildRepresentation } from '~/reports/representation.server';
import { representationChart } from '~/reports/representation-charts.server';
import { listLocalAuthorities, listRegions } from '~/research/reference.server';

export const meta: MetaFunction = () => [{ title: 'Who took part – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { input, choices, parsed } = await readerRequest(request);
  const allRegions = (await listRegions()).map((region) => ({ value: region.code, label: region.name }));
  const regions = choices.regions ? allRegions.filter((region) => choices.regions!.includes(region.value)) : allRegions;
  const ownLaName = choices.ownLa ? ((await listLocalAuthorities()).find((la) => la.code === choices.ownLa)?.name ?? choices.ownLa) : null;
  const levels = Object.entries(LEVEL_LABELS)
    .filter(([value]) => !choices.regions || value !== 'england')
    .map(([value, label]) => ({ value, label }));
  const form = { input, quarters: choices.quarters, programmes: choices.programmes, regions, levels, ownLaName };
  if (!parsed.ok) return { form, errors: parsed.errors, report: null, charts: {}, downloads: null };
  const report = await buildRepresentation(parsed.request);
  const charts: Record<string, { description: string; uri: string }> = {};
  for (const table of report.tables) {
    const chart = await representationChart(table);
    if (chart) charts[table.dimension] = chart;
  }
  const query = new URLSearchParams({ quarter: parsed.request.quarter.key, programme: parsed.request.programme, level: parsed.request.level, source: parsed.request.source, ...(parsed.request.regionCode ? { region: parsed.request.regionCode } : {}) });
  return { form, errors: [], report, charts, downloads: { xlsx: `/staff/representation.xlsx?${query}`, csv: `/staff/representation.csv?${query}` } };
}

export default function Representation() {
  const { form, errors, report, charts, downloads } = useLoaderData<typeof loader>();
  return (
    <>
      <ErrorSummary errors={errors.map((error) => ({ ...error, field: `filter-${error.field}` }))} />
      <h1 className="govuk-heading-l">Who took part</h1>
      <p className="govuk-body">Who answered the surveys, joined panels and came to sessions, against England’s population, and where no one took part yet.</p>
      <form method="get" aria-label="Choose who and where" className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <FilterSelect name="quarter" label="Quarter" value={form.input.quarter} options={form.quarters} any="This quarter" />
          </div>
          <div className="govuk-grid-column-one-third">
            <FilterSelect name="source" label="Who" value={form.input.source} options={SOURCE_CHOICES.filter((value) => value !== 'all').map((value) => ({ value, label: SOURCE_LABELS[value] }))} any={SOURCE_LABELS.all} />
          </div>
          {form.ownLaName ? null : (
            <div className="govuk-grid-column-one-third">
              <FilterSelect name="programme" label="Programme" value={form.input.programme} options={form.programmes} any="Choose a programme" />
            </div>
          )}
        </div>
        {form.ownLaName ? null : (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-one-third">
              <FilterSelect name="level" label="Areas" value={form.input.level} options={form.levels} any={form.levels[0]!.label} />
            </div>
            <div className="govuk-grid-column-one-third">
              <FilterSelect name="region" label="Region" value={form.input.region} options={form.regions} any="All regions" />
            </div>
          </div>
        )}
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Show who took part
        </button>
      </form>
      {report ? (
        <>
          <span className="govuk-caption-l">
            {form.ownLaName ?? (report.programme ? report.programme.name : 'All five programmes')}: {SOURCE_LABELS[report.source].toLowerCase()}
          </span>
          <h2 className="govuk-heading-l">{report.period.label}</h2>
          {downloads ? (
            <ul className="govuk-list">
              <li>
                <a className="govuk-link" href={downloads.xlsx} download>
                  Download the tables (Excel, a sheet per dimension)
                </a>
              </li>
              <li>
                <a className="govuk-link" href={downloads.csv} download>
                  Download every cell as a CSV
                </a>
              </li>
            </ul>
          ) : null}
          <RepresentationBody report={report} charts={charts} />
        </>
      ) : null}
    </>
  );
}
