import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import type { StaffUser } from '#db/identity/schema';
import { requireRole } from '~/auth/guards.server';
import { visibleProgrammes } from '~/auth/scope';
import { KPI_TARGET, sessionFeedbackReport, type FeedbackScope, type Share } from '~/research/session-feedback.server';
import { SelectField } from '~/components/select-field';
import { ScrollingTable } from '~/components/table';
import { recentQuarters } from '~/research/periods';

export const meta: MetaFunction = () => [{ title: 'Session feedback – Family Voice' }];

function scopeFor(user: StaffUser): FeedbackScope {
  if (user.role === 'facilitator') return { kind: 'regions', regionCodes: user.regionCodes };
  if (user.role === 'programme_lead') return { kind: 'programmes', programmeCodes: visibleProgrammes(user) };
  return { kind: 'all' };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'administrator', 'facilitator', 'programme_lead');
  const quarters = recentQuarters(new Date());
  // An unknown period reads as all sessions.
  const period = quarters.find((quarter) => quarter.key === new URL(request.url).searchParams.get('period'));
  return {
    report: await sessionFeedbackReport(scopeFor(user), period),
    target: KPI_TARGET,
    scoped: user.role !== 'administrator',
    periods: quarters.map((quarter) => ({ value: quarter.key, label: quarter.label })),
    period: period ? { key: period.key, label: period.label } : null,
  };
}

const percent = (share: Share) => (share.rate === null ? 'Fewer than 10 responses' : `${Math.round(share.rate * 100)}%`);

export default function SessionFeedback() {
  const { report, target, scoped, periods, period } = useLoaderData<typeof loader>();
  const { overall } = report;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Session feedback</h1>
        <p className="govuk-body">
          After each session, the people who took part are asked whether it was run professionally, whether they felt safe, listened to and
          able to take part, and whether it worked for their needs. The target (KPI 7.1.2.b) is at least {Math.round(target * 100)}% positive.
          {scoped ? ' This shows the panels you work with.' : ''}
        </p>
        <form method="get" className="govuk-!-margin-bottom-6">
          <SelectField name="period" label="Sessions held" defaultValue={period?.key ?? ''} options={[{ value: '', label: 'At any time' }, ...periods]} />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Show
          </button>
        </form>
        <h2 className="govuk-heading-m">{period ? `Sessions held ${period.label}` : 'All sessions so far'}</h2>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">People who took part and were positive</dt>
            <dd className="govuk-summary-list__value">
              {percent(overall)}{' '}
              {overall.metTarget === null ? null : overall.metTarget ? (
                <strong className="govuk-tag govuk-tag--green">Target met</strong>
              ) : (
                <strong className="govuk-tag govuk-tag--red">Below target</strong>
              )}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Responses</dt>
            <dd className="govuk-summary-list__value">
              {overall.total} from {overall.attendees} {overall.attendees === 1 ? 'person' : 'people'} who took part
            </dd>
          </div>
        </dl>
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">How we count</span>
          </summary>
          <div className="govuk-details__text">
            A response is positive when it agrees or strongly agrees with all five KPI statements: run professionally, safe, listened to, worked
            for their needs, and what they said could make a difference. The share is out of everyone who took part, so people who did not
            answer count as not positive. Each person who took part gets their own link, which works once. Where fewer than 10 people answered,
            the share is not shown, so that no one can be picked out. Answers are anonymous: they are kept with the session, not with the person.
          </div>
        </details>

        <ScrollingTable label="Feedback by statement" caption="By statement" columns={['Statement', { label: 'Answered', numeric: true }, { label: 'Agree or strongly agree', numeric: true }]}>
          {report.statements.map((statement) => (
            <tr key={statement.key} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">{statement.label}</th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{statement.total}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{percent(statement)}</td>
            </tr>
          ))}
        </ScrollingTable>

        <ScrollingTable label="Feedback by panel" caption="By panel" columns={['Panel', { label: 'Took part', numeric: true }, { label: 'Responses', numeric: true }, { label: 'Positive', numeric: true }]}>
          {report.panels.length === 0 ? (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={4}>No feedback yet.</td>
            </tr>
          ) : null}
          {report.panels.map((panel) => (
            <tr key={panel.panelId} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">{panel.panelName}</th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{panel.attendees}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{panel.responses.total}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{percent(panel.responses)}</td>
            </tr>
          ))}
        </ScrollingTable>
      </div>
    </div>
  );
}
