import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { getPanel } from '~/research/panels.server';

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'You have joined the panel – Family Voice' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const panel = params.panelId ? await getPanel(params.panelId) : undefined;
  if (!panel) throw new Response('Not found', { status: 404 });
  return { name: panel.name, updated: new URL(request.url).searchParams.has('updated') };
}

export default function Joined() {
  const { name, updated } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">You have joined {name}</h1>
        </div>
        {updated ? (
          <p className="govuk-body">You had already signed up with this email address, so we have updated your details rather than add you twice.</p>
        ) : null}
        <p className="govuk-body">
          We will contact you at least 4 weeks before a session, with the time, the place or joining details, and how to tell
          us about anything you need.
        </p>
      </div>
    </div>
  );
}
