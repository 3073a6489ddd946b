import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireRole } from '~/auth/guards.server';
import { SuccessBanner } from '~/components/success-banner';
import { ScrollingTable } from '~/components/table';
import { listCodebook } from '~/research/codebook.server';
import { CODE_STATUS_LABELS } from '~/research/code-labels';

export const meta: MetaFunction = () => [{ title: 'Codebook – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'analyst', 'administrator');
  const codes = await listCodebook();
  return { codes: codes.map((code) => ({ id: code.id, name: code.name, depth: Math.min(code.depth, 2), excerpts: code.excerpts, status: code.status })) };
}

export default function Codebook() {
  const { codes } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  return (
    <>
      <h1 className="govuk-heading-l">Codebook</h1>
      {search.get('merged') ? <SuccessBanner message="The codes were merged. Their excerpts and history are now under the code you chose." /> : null}
      <p className="govuk-body">
        The codes analysts apply to excerpts, seeded from Annex A’s themes, the Supporting Families outcome headlines, where support was had and
        the barriers to it. Open a code to see the excerpts behind it, where they came from, and to rename, merge or retire it.
      </p>
      <div className="govuk-button-group">
        <Link to="/staff/codebook/new" className="govuk-button" data-module="govuk-button">
          Add a code
        </Link>
        <Link to="/staff/coding" className="govuk-link">
          Code answers
        </Link>
      </div>
      <ScrollingTable label="Codes" columns={['Code', { label: 'Excerpts', numeric: true }, 'Status']}>
        {codes.map((code) => (
          <tr className="govuk-table__row" key={code.id}>
            <td className="govuk-table__cell">
              <div className={code.depth > 0 ? `app-code-depth-${code.depth}` : undefined}>
                <Link to={`/staff/codebook/${code.id}`} className="govuk-link">
                  {code.name}
                </Link>
              </div>
            </td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{code.excerpts.toLocaleString('en-GB')}</td>
            <td className="govuk-table__cell">{CODE_STATUS_LABELS[code.status] ?? code.status}</td>
          </tr>
        ))}
      </ScrollingTable>
    </>
  );
}
