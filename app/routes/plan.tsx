import type { MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { getSitePage } from '~/research/site-pages.server';
import { renderMarkdown } from '~/utils/markdown.server';

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'Delivery plan – Family Voice' }];

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });

export async function loader() {
  const page = await getSitePage('delivery-plan');
  return { html: page ? renderMarkdown(page.markdown, { firstHeading: 2 }) : null, updated: page ? dateFormat.format(page.updatedAt) : null };
}

export default function DeliveryPlan() {
  const { html, updated } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Delivery plan</h1>
        {html ? (
          <>
            {/* Written by administrators in Markdown, with raw HTML escaped and only safe links. */}
            <div className="app-markdown" dangerouslySetInnerHTML={{ __html: html }} />
            <p className="govuk-body-s">Last updated {updated}.</p>
          </>
        ) : (
          <p className="govuk-body">The plan has not been published yet.</p>
        )}
      </div>
    </div>
  );
}
