import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PROGRAMMES } from '#db/reference/programmes';
import { parseQuarter } from '~/reports/quarters';
import type { ReportLevel } from '~/reports/quarterly.server';
import { scopeWords } from '~/reports/report-text';
import { listPublished } from '~/research/published-reports.server';

export const meta: MetaFunction = () => [{ title: 'What families told us – Family Voice' }];

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });

export async function loader() {
  const published = await listPublished();
  return {
    reports: published.map((entry) => ({
      id: entry.id,
      title: `${parseQuarter(entry.quarter)?.label ?? entry.quarter}: ${scopeWords(entry.programme === 'all' ? 'all five programmes' : (PROGRAMMES.find((programme) => programme.code === entry.programme)?.name ?? entry.programme), entry.level as ReportLevel)}`,
      version: entry.version,
      latest: entry.latest,
      note: entry.note,
      published: dateFormat.format(entry.publishedAt),
    })),
  };
}

export default function Reports() {
  const { reports } = useLoaderData<typeof loader>();
  const latest = reports.filter((report) => report.latest);
  const earlier = reports.filter((report) => !report.latest);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">What families told us</h1>
        <p className="govuk-body">
          Each quarter we publish what families said about the support they had, wanted and could not reach, for each programme and across all five,
          with every table as Word, Excel and CSV files. Numbers too small to share safely are hidden.
        </p>
        {latest.length === 0 ? <p className="govuk-body">Nothing has been published yet.</p> : null}
        <ul className="govuk-list">
          {latest.map((report) => (
            <li key={report.id} className="app-card">
              <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
                <Link to={`/reports/${report.id}`} className="govuk-link">
                  {report.title}
                </Link>
              </h2>
              <p className="govuk-body-s govuk-!-margin-bottom-0">
                Published {report.published}
                {report.version > 1 ? ` (version ${report.version}: ${report.note})` : ''}
              </p>
            </li>
          ))}
        </ul>
        {earlier.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Earlier versions</h2>
            <ul className="govuk-list">
              {earlier.map((report) => (
                <li key={report.id}>
                  <Link to={`/reports/${report.id}`} className="govuk-link">
                    {report.title}, version {report.version}
                  </Link>{' '}
                  (published {report.published})
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
