import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { CsrfInput } from '~/components/csrf-input';
import { noticeTokenIsLive, stayAfterNotice } from '~/governance/retention.server';

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'Stay on the Family Voice panel – Family Voice' }];

const NOT_FOUND = 'This link is not one we sent, or your details have already been deleted. You can join a panel again from the list of panels.';

// Opening the link changes nothing (mail scanners open links too); only the button does.
export async function loader({ params }: LoaderFunctionArgs) {
  if (!(await noticeTokenIsLive(params.token ?? ''))) throw new Response(NOT_FOUND, { status: 404 });
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  await requireCsrf(request, form);
  if (!(await stayAfterNotice(params.token ?? ''))) throw new Response(NOT_FOUND, { status: 404 });
  return { stayed: true };
}

export default function StayOnPanel() {
  const stayed = useActionData<typeof action>()?.stayed;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {stayed ? (
          <>
            <div className="govuk-panel govuk-panel--confirmation">
              <h1 className="govuk-panel__title">You are staying on the panel</h1>
            </div>
            <p className="govuk-body">We will keep your details and keep inviting you to sessions. You can leave at any time through the link in any invitation.</p>
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">Do you want to stay on the Family Voice panel?</h1>
            <p className="govuk-body">You have not taken part for a while. If you do nothing, we will delete your contact details. Answers you gave stay in our research without your name.</p>
            <Form method="post">
              <CsrfInput />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Stay on the panel
              </button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
