import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { CsrfInput } from '~/components/csrf-input';
import { requireManagedSession } from '~/panels/staff.server';
import { cancelSession } from '~/scheduling/cancel.server';
import { formatLondon } from '~/scheduling/notice';

export const meta: MetaFunction = () => [{ title: 'Cancel a session – Family Voice' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const { panel, session } = await requireManagedSession(user, { panelId: params.panelId, sessionId: params.sessionId, when: 'upcoming' });
  return { panelId: panel.id, title: session.title, when: formatLondon(session.startsAt) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const { panel, session } = await requireManagedSession(user, { panelId: params.panelId, sessionId: params.sessionId, when: 'upcoming' });
  await requireCsrf(request, await request.formData());
  await cancelSession({ session, userId: user.id, correlationId: context.requestId });
  throw redirect(`/staff/panels/${panel.id}?cancelled=1`);
}

export default function CancelSession() {
  const { panelId, title, when } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/panels/${panelId}`} className="govuk-back-link">
          Back to the panel
        </Link>
        <h1 className="govuk-heading-l">Cancel {title}?</h1>
        <p className="govuk-body">
          The session on {when} will be cancelled. Everyone invited who has not declined will be told straight away, and
          their personal links will stop working.
        </p>
        <Form method="post">
          <CsrfInput />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
              Cancel the session
            </button>
            <Link className="govuk-link" to={`/staff/panels/${panelId}`}>
              Keep the session
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
