import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { firstUnanswered, panelHeading, requireJoinablePanel } from '~/panels/join-pages.server';
import { readSignUpDraft } from '~/panels/sign-up-drafts.server';
import { StartIcon } from '~/components/start-icon';

export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: `Join ${page?.panel.name ?? 'a panel'} – Family Voice` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const panel = await requireJoinablePanel(params.panelId);
  const answers = await readSignUpDraft(request, panel.id);
  const started = Object.keys(answers).length > 0;
  return { panel: panelHeading(panel), resume: started ? (firstUnanswered(panel, answers) ?? 'check') : null };
}

/** What joining asks and why, before the first question; a family part-way through can carry on. */
export default function JoinStart() {
  const { panel, resume } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href="/panels" className="govuk-back-link">
          Back to panels
        </a>
        <span className="govuk-caption-l">{panel.audience}</span>
        <h1 className="govuk-heading-l">Join {panel.name}</h1>
        <p className="govuk-body">It takes about 5 minutes. We will ask:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>your name, age and how to contact you</li>
          {panel.youngPeople ? <li>if you are under 16, how to contact a parent or guardian, who needs to agree</li> : null}
          <li>what you need to take part, and when suits you</li>
          <li>some optional questions about you and your family</li>
          <li>for your agreement</li>
        </ul>
        <p className="govuk-body">
          You can check your answers before you join. Your name and contact details are kept separately from your answers,
          and used only to arrange panel sessions. Read the{' '}
          <a className="govuk-link" href="/privacy">
            privacy notice
          </a>
          .
        </p>
        {resume ? (
          <div className="govuk-button-group">
            <a href={`/panels/${panel.id}/join/${resume}`} role="button" draggable="false" className="govuk-button" data-module="govuk-button">
              Continue where you left off
            </a>
            <a href={`/panels/${panel.id}/join/details`} className="govuk-link">
              Go back to the first page
            </a>
          </div>
        ) : (
          <a href={`/panels/${panel.id}/join/details`} role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
            Start now
            <StartIcon />
          </a>
        )}
      </div>
    </div>
  );
}
