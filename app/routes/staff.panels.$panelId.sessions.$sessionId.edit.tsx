import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { ChoiceFields, TextArea } from '~/components/choice-fields';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { TextInput } from '~/components/text-input';
import { VENUE_ACCESS } from '~/panels/options';
import { requireManagedSession } from '~/panels/staff.server';
import { EDIT_SESSION_LISTS, editSession, editSessionSchema } from '~/scheduling/edit-session.server';
import { facilitatorChoices, facilitatorIdsOf } from '~/scheduling/facilitators.server';
import { formatLondon } from '~/scheduling/notice';
import { withPlace } from '~/scheduling/places.server';
import { formValues, parseForm, type FormValues } from '~/utils/form';

export const meta: MetaFunction = () => [{ title: 'Change a session – Family Voice' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const { panel, session } = await requireManagedSession(user, { panelId: params.panelId, sessionId: params.sessionId, when: 'upcoming' });
  const [place, facilitators, runBy] = await Promise.all([withPlace(session), facilitatorChoices(panel), facilitatorIdsOf(session.id)]);
  const current: FormValues = {
    title: session.title,
    theme: session.theme ?? '',
    mode: session.mode,
    venue: place.venue ?? '',
    venueAccess: session.venueAccess,
    onlineDetails: place.onlineDetails ?? '',
    capacity: String(session.capacity),
    facilitators: runBy,
  };
  return { panelId: panel.id, sessionId: session.id, when: formatLondon(session.startsAt), current, facilitators };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const { panel, session } = await requireManagedSession(user, { panelId: params.panelId, sessionId: params.sessionId, when: 'upcoming' });
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parseForm(editSessionSchema, form, EDIT_SESSION_LISTS);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await editSession({ panel, session, user, input: parsed.data, correlationId: context.requestId });
  if (!result.ok) return data({ errors: result.errors, values: formValues(form, EDIT_SESSION_LISTS) }, { status: 400 });
  throw redirect(`/staff/panels/${panel.id}/sessions/${session.id}?changed=${result.notified}`);
}

export default function EditSession() {
  const page = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = failed?.errors ?? [];
  const values = failed?.values ?? page.current;
  const error = (field: string) => errors.find((candidate) => candidate.field === field)?.message;
  const text = (field: string) => [values[field] ?? ''].flat()[0] ?? '';
  const list = (field: string) => [values[field] ?? []].flat();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/panels/${page.panelId}/sessions/${page.sessionId}`} className="govuk-back-link">
          Back to the session
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{page.when}</span>
        <h1 className="govuk-heading-l">Change the session</h1>
        <p className="govuk-body">
          Everyone invited who has not declined is told if the title, how it happens, the venue or the joining details change.
          To change the time, use “Change the time” on the session page.
        </p>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput name="title" label="Title" defaultValue={text('title')} error={error('title')} />
          <TextInput name="theme" label="Theme (optional)" defaultValue={text('theme')} error={error('theme')} />
          <ChoiceFields
            name="mode"
            legend="How will people take part?"
            error={error('mode')}
            selected={list('mode')}
            options={[
              { value: 'in-person', label: 'In person' },
              { value: 'online', label: 'Online' },
              { value: 'hybrid', label: 'Both (hybrid)' },
            ]}
          />
          <TextInput name="venue" label="Venue (in person or hybrid)" defaultValue={text('venue')} error={error('venue')} />
          <ChoiceFields
            name="venueAccess"
            legend="The venue has"
            hint="Select all that apply."
            multiple
            selected={list('venueAccess')}
            options={Object.entries(VENUE_ACCESS).map(([key, label]) => ({ value: key, label }))}
          />
          <TextArea name="onlineDetails" label="How to join online (online or hybrid)" defaultValue={text('onlineDetails')} error={error('onlineDetails')} />
          {page.facilitators.length > 0 ? (
            <ChoiceFields
              name="facilitators"
              legend="Who will run it?"
              hint="Select all that apply."
              multiple
              error={error('facilitators')}
              selected={list('facilitators')}
              options={page.facilitators.map((choice) => ({ value: choice.id, label: choice.displayName }))}
            />
          ) : null}
          <TextInput name="capacity" label="Number of places" inputMode="numeric" defaultValue={text('capacity')} error={error('capacity')} className="govuk-input--width-4" />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save changes
          </button>
        </Form>
      </div>
    </div>
  );
}
