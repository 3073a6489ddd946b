import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireRole } from '~/auth/guards.server';
import { kpiLines } from '~/reports/kpi-table';
import { kpiTrend } from '~/reports/kpis.server';
import { quartersUpTo } from '~/reports/quarters';

export const meta: MetaFunction = () => [{ title: 'Key performance indicators – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'programme_lead', 'administrator');
  const quarters = quartersUpTo(new Date(), 4);
  const trend = await kpiTrend(quarters);
  return { quarters: quarters.map((quarter) => ({ key: quarter.key, label: quarter.label })), lines: kpiLines(trend) };
}

const TAG: Record<string, string> = { met: 'govuk-tag--green', 'not-met': 'govuk-tag--red', 'too-few': 'govuk-tag--grey' };

export default function Kpis() {
  const { quarters, lines } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Key performance indicators</h1>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <p className="govuk-body">
              The local workstream’s indicators and the national sessions’ feedback, for {quarters[0]!.label} and the three quarters before it. A share is shown
              once 10 or more have answered; with fewer, there are too few responses to say. “Over 75%” is not met at exactly 75%.
            </p>
            <p className="govuk-body">
              <a href="/staff/kpis.xlsx" className="govuk-link" download>
                Download every indicator (Excel)
              </a>
            </p>
          </div>
        </div>
        {lines.map((line) => (
          <div className="app-table-wrapper" role="region" aria-label={line.label} tabIndex={0} key={line.id}>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">
                {line.label}. Target: {line.target.toLowerCase()}.
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Quarter</th>
                  {line.cells[0]?.n !== '' ? <th scope="col" className="govuk-table__header">How many</th> : null}
                  <th scope="col" className="govuk-table__header">Result</th>
                  <th scope="col" className="govuk-table__header">Status</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {line.cells.map((cell, index) => (
                  <tr className="govuk-table__row" key={cell.quarter}>
                    <th scope="row" className="govuk-table__header">{quarters[index]!.label.replace(/ \(.*\)$/, '')}</th>
                    {cell.n !== '' ? <td className="govuk-table__cell">{cell.n}</td> : null}
                    <td className="govuk-table__cell">{cell.value}</td>
                    <td className="govuk-table__cell">
                      <strong className={`govuk-tag ${TAG[cell.status]}`}>{cell.statusLabel}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </div>
  );
}
