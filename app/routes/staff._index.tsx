import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/auth/guards.server';
import { ROLE_LABELS, ROLE_TASKS } from '~/auth/roles';
import { visibleProgrammes } from '~/auth/scope';
import { describeScope } from '~/research/reference.server';
import { reachNext } from '~/reports/reach-next.server';

export const meta: MetaFunction = () => [{ title: 'Your tasks – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const scope = await describeScope({
    regionCodes: user.role === 'facilitator' ? user.regionCodes : [],
    programmeCodes: user.role === 'programme_lead' ? visibleProgrammes(user) : [],
    laCodes: user.role === 'la_officer' && user.laCode ? [user.laCode] : [],
  });
  const gaps = user.role === 'facilitator' ? await reachNext(user.regionCodes) : null;
  return { displayName: user.displayName, role: user.role, scope, gaps };
}

function ScopeSummary({ scope }: { scope: { regions: string[]; programmes: string[]; localAuthorities: string[] } }) {
  const rows = [
    { key: 'Regions', value: scope.regions },
    { key: 'Programmes', value: scope.programmes },
    { key: 'Local authority', value: scope.localAuthorities },
  ].filter((row) => row.value.length > 0);
  if (rows.length === 0) return null;
  return (
    <dl className="govuk-summary-list">
      {rows.map((row) => (
        <div className="govuk-summary-list__row" key={row.key}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value.join(', ')}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A facilitator's five largest gaps in their regions this quarter, each with the panels that could close it. */
function ReachNext({ gaps }: { gaps: { regionCode: string; regionName: string; who: string; why: string; panels: { id: string; name: string }[] }[] }) {
  return (
    <section aria-labelledby="reach-next" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="reach-next">
        Whom to reach next
      </h2>
      {gaps.length === 0 ? (
        <p className="govuk-body">No group in your regions is clearly under-represented this quarter, and someone from every local authority has taken part.</p>
      ) : (
        <ol className="govuk-list govuk-list--number">
          {gaps.map((gap) => (
            <li key={`${gap.regionCode}|${gap.who}`} className="govuk-!-margin-bottom-3">
              <strong>{gap.who}</strong>, {gap.regionName}. {gap.why}{' '}
              {gap.panels.length > 0 ? (
                <>
                  Panels that could reach them:{' '}
                  {gap.panels.map((panel, index) => (
                    <span key={panel.id}>
                      {index > 0 ? ', ' : ''}
                      <Link className="govuk-link" to={`/staff/panels/${panel.id}`}>
                        {panel.name}
                      </Link>
                    </span>
                  ))}
                  .
                </>
              ) : (
                <Link className="govuk-link" to="/staff/panels/new">
                  Create a panel in {gap.regionName}
                </Link>
              )}
            </li>
          ))}
        </ol>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to="/staff/representation">
          See who took part in your regions
        </Link>
      </p>
    </section>
  );
}

export default function StaffHome() {
  const { displayName, role, scope, gaps } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{ROLE_LABELS[role]}</span>
        <h1 className="govuk-heading-l">Your tasks</h1>
        <p className="govuk-body">Signed in as {displayName}.</p>
        <ScopeSummary scope={scope} />
        {gaps ? <ReachNext gaps={gaps} /> : null}
        <ul className="govuk-list app-task-list">
          {ROLE_TASKS[role].map((task) => (
            <li key={task.href} className="govuk-!-margin-bottom-5">
              <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
                <Link className="govuk-link" to={task.href}>
                  {task.title}
                </Link>
              </h2>
              <p className="govuk-body govuk-!-margin-bottom-0">{task.description}</p>
            </li>
          ))}
        </ul>
        <h2 className="govuk-heading-m">Your account</h2>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to="/staff/password">
              Change your password
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/staff/authenticator">
              Your authenticator app and recovery codes
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
