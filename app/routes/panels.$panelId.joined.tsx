import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { getPanel } from '~/research/panels.server';

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'You have joined the panel – Family Voice' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const panel = params.panelId ? await getPanel(params.panelId) : undefined;
  if (!panel) throw new Response('Not found', { status: 404 });
  const query = new URL(request.url).searchParams;
  // Only a small count, for the sentence below; anything else reads as none.
  const invited = Math.min(Math.max(Number.parseInt(query.get('invited') ?? '0', 10) || 0, 0), 20);
  return { name: panel.name, updated: query.has('updated'), invited };
}

export default function Joined() {
  const { name, updated, invited } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">You have joined {name}</h1>
        </div>
        {updated ? (
          <p className="govuk-body">You had already signed up with this email address, so we have updated your details rather than add you twice.</p>
        ) : null}
        {invited > 0 ? (
          <p className="govuk-body">
            The panel already has {invited === 1 ? 'a session' : `${invited} sessions`} planned, and we have sent you{' '}
            {invited === 1 ? 'an invitation' : 'invitations'}. Each one has a personal link to tell us whether you can come.
          </p>
        ) : null}
        <p className="govuk-body">
          We will contact you at least 4 weeks before a session, with the time, the place or joining details, and how to tell
          us about anything you need.
        </p>
      </div>
    </div>
  );
}
