import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '~/auth/guards.server';
import { AUDIENCE_LABELS, LEVEL_LABELS, listPanels } from '~/research/panels.server';
import { ScrollingTable } from '~/components/table';

export const meta: MetaFunction = () => [{ title: 'Panels – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const panels = await listPanels({ regionCodes: user.role === 'facilitator' ? user.regionCodes : undefined, includeNational: user.role === 'administrator' });
  return {
    panels: panels.map((panel) => ({
      id: panel.id,
      name: panel.name,
      where: `${panel.laName ?? panel.regionName ?? 'England'} (${LEVEL_LABELS[panel.level as keyof typeof LEVEL_LABELS].toLowerCase()})`,
      audience: AUDIENCE_LABELS[panel.audience as keyof typeof AUDIENCE_LABELS],
      members: panel.members,
      target: panel.recruitmentTarget,
    })),
  };
}

export default function StaffPanels() {
  const { panels } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Panels</h1>
      <Link to="/staff/panels/new" className="govuk-button" data-module="govuk-button">
        Create a panel
      </Link>
      {panels.length === 0 ? (
        <p className="govuk-body">There are no panels in your regions yet.</p>
      ) : (
        <ScrollingTable label="Panels" columns={['Panel', 'Where', 'For', { label: 'Members', numeric: true }, { label: 'Target', numeric: true }]}>
          {panels.map((panel) => (
            <tr className="govuk-table__row" key={panel.id}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/staff/panels/${panel.id}`}>
                  {panel.name}
                </Link>
              </td>
              <td className="govuk-table__cell">{panel.where}</td>
              <td className="govuk-table__cell">{panel.audience}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{panel.members}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{panel.target}</td>
            </tr>
          ))}
        </ScrollingTable>
      )}
    </>
  );
}
