import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { CsrfInput } from '~/components/csrf-input';
import { answerConfirmation, describeConfirmation } from '~/panels/sign-up.server';

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'Confirm joining a panel – Family Voice' }];

const NOT_FOUND = 'This link has been used or has expired. If you still want to join, sign up again from the list of panels.';

// Opening the link changes nothing (mail scanners open links too); only the button does.
export async function loader({ params }: LoaderFunctionArgs) {
  const confirmation = await describeConfirmation(params.token ?? '');
  if (!confirmation) throw new Response(NOT_FOUND, { status: 404 });
  return confirmation;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  await requireCsrf(request, form);
  const outcome = await answerConfirmation({ token: params.token ?? '', agree: form.get('answer') === 'yes', correlationId: context.requestId });
  if (outcome === 'not-found') throw new Response(NOT_FOUND, { status: 404 });
  return { outcome };
}

export default function ConfirmSignUp() {
  const confirmation = useLoaderData<typeof loader>();
  const answered = useActionData<typeof action>();
  if (answered) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {answered.outcome === 'joined' ? (
            <div className="govuk-panel govuk-panel--confirmation">
              <h1 className="govuk-panel__title">{confirmation.kind === 'guardian' ? 'Thank you: they have joined' : 'You have joined'} {confirmation.panelName}</h1>
            </div>
          ) : (
            <h1 className="govuk-heading-l">{confirmation.kind === 'guardian' ? 'They will not join, and we have deleted their details' : 'Nothing has changed'}</h1>
          )}
          <p className="govuk-body">
            {answered.outcome === 'joined' ? 'We will send invitations to sessions, each with a personal link to reply.' : 'You can close this page.'}
          </p>
        </div>
      </div>
    );
  }
  const guardian = confirmation.kind === 'guardian';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{guardian ? `Can ${confirmation.personName} join ${confirmation.panelName}?` : `Do you want to join ${confirmation.panelName}?`}</h1>
        {guardian ? (
          <>
            <p className="govuk-body">
              Young people’s panels meet in small groups, in person or online, with trained facilitators, to say what has helped
              their family and what has not. What they say is used anonymously, to improve services for families in England.
            </p>
            <p className="govuk-body">
              They can stop at any time. Read the <a className="govuk-link" href="/privacy">privacy notice</a> to see what we keep
              and why.
            </p>
          </>
        ) : (
          <p className="govuk-body">Someone asked to join this panel with your email address. Your details stay as they are.</p>
        )}
        <Form method="post">
          <CsrfInput />
          <div className="govuk-button-group">
            <button type="submit" name="answer" value="yes" className="govuk-button" data-module="govuk-button">
              {guardian ? 'I agree to them joining' : 'Yes, join the panel'}
            </button>
            <button type="submit" name="answer" value="no" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              {guardian ? 'I do not agree' : 'No, it was not me'}
            </button>
          </div>
        </Form>
      </div>
    </div>
  );
}
