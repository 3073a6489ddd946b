import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ErrorSummary } from '~/components/error-summary';

export const handle = { hydrate: false };

/**
 * Where the request guards send a request they refused (server/request-guards.ts), which also sets
 * the status: 400, 403 or 413. Nothing the person sent was read or kept.
 */
const PROBLEMS = {
  'invalid-characters': {
    title: 'What you sent contains characters we cannot accept',
    message: 'Remove hidden or control characters (such as ones pasted from another program) and try again',
    advice: 'Go back to the page you were on: what you typed should still be there. Retype any text you pasted, then send it again.',
  },
  'too-large': {
    title: 'What you sent is too large',
    message: 'Shorten what you typed and try again',
    advice: 'Go back to the page you were on and make your answers shorter. Nothing was saved.',
  },
  'not-allowed': {
    title: 'This form was sent from another website',
    message: 'Open Family Voice directly and send the form again',
    advice: 'For your safety we only accept forms sent from Family Voice’s own pages. Nothing was saved.',
  },
} as const;

export function loader({ params }: LoaderFunctionArgs) {
  const problem = PROBLEMS[params.kind as keyof typeof PROBLEMS];
  if (!problem || !Object.hasOwn(PROBLEMS, params.kind ?? '')) throw new Response('Not found', { status: 404 });
  return problem;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Error: ${data?.title ?? 'There is a problem'} – Family Voice` }];

export default function Problem() {
  const problem = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={[{ field: 'main-content', message: problem.message }]} />
        <h1 className="govuk-heading-l">{problem.title}</h1>
        <p className="govuk-body">{problem.advice}</p>
      </div>
    </div>
  );
}
