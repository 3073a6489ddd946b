import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import type { StaffUser } from '#db/identity/schema';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { CsrfInput } from '~/components/csrf-input';
import { panelScope } from '~/panels/staff.server';
import { getPanel, panelInScope } from '~/research/panels.server';
import { cancelSession } from '~/scheduling/cancel.server';
import { formatLondon } from '~/scheduling/notice';
import { getSession } from '~/scheduling/sessions.server';

export const meta: MetaFunction = () => [{ title: 'Cancel a session – Family Voice' }];

async function requireOpenSession(user: StaffUser, panelId: string | undefined, sessionId: string | undefined) {
  const panel = panelId ? await getPanel(panelId) : undefined;
  const session = sessionId ? await getSession(sessionId) : undefined;
  if (!panel || !session || session.panelId !== panel.id || session.cancelledAt) throw new Response('Not found', { status: 404 });
  if (!panelInScope(panel, panelScope(user))) throw new Response('This panel is in another region', { status: 403 });
  return { panel, session };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const { panel, session } = await requireOpenSession(user, params.panelId, params.sessionId);
  return { panelId: panel.id, title: session.title, when: formatLondon(session.startsAt) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const { panel, session } = await requireOpenSession(user, params.panelId, params.sessionId);
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
