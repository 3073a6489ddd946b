import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { SuccessBanner } from '~/components/success-banner';
import { publishedChartUris } from '~/reports/charts.server';
import { ReportBody } from '~/reports/components/report-body';
import type { QuarterlyReport } from '~/reports/quarterly.server';
import { reportSubtitle, reportTitle } from '~/reports/report-text';
import { getPublished } from '~/research/published-reports.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? data.title : 'Report'} – Family Voice` }];

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });

export async function loader({ params }: LoaderFunctionArgs) {
  const published = await getPublished(params.reportId ?? '');
  if (!published) throw new Response('Not found', { status: 404 });
  const report = published.report as QuarterlyReport;
  return {
    id: published.id,
    title: reportTitle(report),
    subtitle: reportSubtitle(report),
    version: published.version,
    note: published.note,
    published: dateFormat.format(published.publishedAt),
    latestId: published.latestId === published.id ? null : published.latestId,
    report,
    charts: await publishedChartUris(published.id, report),
  };
}

export default function PublishedReport() {
  const { id, title, subtitle, version, note, published, latestId, report, charts } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  return (
    <>
      <Link to="/reports" className="govuk-back-link">
        All published findings
      </Link>
      {search.get('published') ? <SuccessBanner message="Published. Everyone can now read this report and download its files." /> : null}
      {latestId ? (
        <div className="govuk-inset-text">
          This is an earlier version. <Link to={`/reports/${latestId}`} className="govuk-link">Read the latest version</Link>.
        </div>
      ) : null}
      <span className="govuk-caption-l">{subtitle}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">
        Published {published}
        {version > 1 ? `. Version ${version}: ${note}` : ''}.
      </p>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={`/report-files/${id}/docx`} download>
            Download the report (Word)
          </a>
        </li>
        <li>
          <a className="govuk-link" href={`/report-files/${id}/xlsx`} download>
            Download the tables (Excel)
          </a>
        </li>
        <li>
          <a className="govuk-link" href={`/report-files/${id}/csv`} download>
            Download every table as a tidy CSV
          </a>
        </li>
      </ul>
      <ReportBody report={report} charts={charts} />
    </>
  );
}
