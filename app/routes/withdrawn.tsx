import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'You have stopped taking part – Family Voice' }];

export function loader({ request }: LoaderFunctionArgs) {
  // Reached from a personal link of someone who has left, rather than just after leaving.
  return { oldLink: new URL(request.url).searchParams.get('link') === 'old' };
}

export default function Withdrawn() {
  const { oldLink } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {oldLink ? (
          <>
            <h1 className="govuk-heading-l">You have left Family Voice panels</h1>
            <p className="govuk-body">
              This link was for someone who has stopped taking part, so it no longer works. We deleted their name, contact
              details and needs when they left.
            </p>
          </>
        ) : (
          <>
            <div className="govuk-panel govuk-panel--confirmation">
              <h1 className="govuk-panel__title">You have stopped taking part</h1>
            </div>
            <p className="govuk-body">We have deleted your name, contact details and needs. Thank you for everything you told us.</p>
          </>
        )}
        <h2 className="govuk-heading-m">If you want to take part again</h2>
        <p className="govuk-body">
          You are welcome back at any time. <a className="govuk-link" href="/panels">Find a panel and join it</a>: you will need to give
          your details again, as we no longer have them.
        </p>
      </div>
    </div>
  );
}
