import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireRole } from '~/auth/guards.server';
import { PanelHeader } from '~/panels/components/panel-nav';
import { requireManagedPanel } from '~/panels/staff.server';
import { panelProfile } from '~/research/recruitment.server';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: `Recruitment: ${page?.panel.name ?? 'Panel'} – Family Voice` }];

/** Who has joined, from members' anonymous About-you answers; groups of fewer than 10 are not shown. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const panel = await requireManagedPanel(user, params.panelId);
  return { panel: { id: panel.id, name: panel.name, recruitmentTarget: panel.recruitmentTarget }, profile: await panelProfile(panel.id) };
}

export default function PanelRecruitment() {
  const { panel, profile } = useLoaderData<typeof loader>();
  // With fewer than 10 members every group is too small to show: one line says so instead of a page of blanks.
  const anyShown = profile.dimensions.some((dimension) => dimension.rows.some((row) => row.count !== null));
  return (
    <>
      <PanelHeader panel={panel} current="recruitment" title="Who has joined" />
      <p className="govuk-body">
        {profile.members} of a target of {panel.recruitmentTarget}. Counted from members’ anonymous answers; groups of fewer than 10 people are not shown.
      </p>
      {!anyShown ? (
        <p className="govuk-body">There are too few members yet to show who has joined without risking that someone is recognised.</p>
      ) : (
        profile.dimensions.map((dimension) => (
          <details className="govuk-details" key={dimension.dimension + dimension.question}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">{dimension.question}</span>
            </summary>
            <div className="govuk-details__text">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-visually-hidden">{dimension.question}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Answer
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      Members
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {dimension.rows.map((row) => (
                    <tr className="govuk-table__row" key={row.answer}>
                      <td className="govuk-table__cell">{row.answer}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{row.count ?? 'Fewer than 10'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        ))
      )}
    </>
  );
}
