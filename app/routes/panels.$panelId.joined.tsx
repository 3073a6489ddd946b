import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { getPanel } from '~/research/panels.server';

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'Thank you for signing up – Family Voice' }];

export async function loader({ params }: LoaderFunctionArgs) {
  const panel = params.panelId ? await getPanel(params.panelId) : undefined;
  if (!panel) throw new Response('Not found', { status: 404 });
  return { name: panel.name, youngPeople: panel.audience === 'young-people' };
}

/** The same page for everyone who signs up, so it never tells anyone whether an email is already known. */
export default function Joined() {
  const { name, youngPeople } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Thank you for signing up to {name}</h1>
        </div>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          If the panel already has sessions planned, we have sent you an invitation to each, with a personal link to tell us
          whether you can come. Otherwise we will contact you at least 4 weeks before a session, with the time, the place or
          joining details, and how to tell us about anything you need.
        </p>
        <p className="govuk-body">
          If you have signed up with us before, we have not changed anything: we have sent a message to the contact details we
          already hold, asking you to confirm that you want to join this panel too.
        </p>
        {youngPeople ? (
          <p className="govuk-body">If you are under 16, we have asked your parent or guardian to agree. You join the panel when they do.</p>
        ) : null}
      </div>
    </div>
  );
}
