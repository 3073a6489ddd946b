import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '~/auth/guards.server';
import { ROLE_LABELS } from '~/auth/roles';
import { listStaff } from '~/auth/staff-accounts.server';
import { SuccessBanner } from '~/components/success-banner';
import { ScrollingTable } from '~/components/table';

export const meta: MetaFunction = () => [{ title: 'Staff accounts – Family Voice' }];

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'administrator');
  const invited = new URL(request.url).searchParams.get('invited');
  const staff = await listStaff();
  return {
    invited: staff.find((user) => user.id === invited)?.displayName ?? null,
    staff: staff.map((user) => ({
      id: user.id,
      name: user.displayName,
      email: user.email,
      role: ROLE_LABELS[user.role],
      status: user.disabledAt ? 'Disabled' : user.lastSignInAt ? `Last signed in ${dateFormat.format(user.lastSignInAt)}` : 'Not signed in yet',
    })),
  };
}

export default function StaffAccounts() {
  const { staff, invited } = useLoaderData<typeof loader>();
  return (
    <>
      {invited ? <SuccessBanner message={`${invited} has been sent an email with a link to set their password.`} /> : null}
      <h1 className="govuk-heading-l">Staff accounts</h1>
      <p className="govuk-body">Everyone who can sign in, their role, and whether their account is in use. Changes are recorded in the audit trail.</p>
      <Link to="/staff/accounts/new" className="govuk-button" data-module="govuk-button">
        Invite a member of staff
      </Link>
      <ScrollingTable label="Staff accounts" columns={['Name', 'Email', 'Role', 'Status']}>
        {staff.map((user) => (
          <tr className="govuk-table__row" key={user.id}>
            <th scope="row" className="govuk-table__header">
              <Link className="govuk-link" to={`/staff/accounts/${user.id}`}>
                {user.name}
              </Link>
            </th>
            <td className="govuk-table__cell app-break-words">{user.email}</td>
            <td className="govuk-table__cell">{user.role}</td>
            <td className="govuk-table__cell">{user.status}</td>
          </tr>
        ))}
      </ScrollingTable>
    </>
  );
}
