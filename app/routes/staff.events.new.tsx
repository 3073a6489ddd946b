import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { AuthorityCheckboxes } from '~/components/authority-checkboxes';
import { ChoiceFields } from '~/components/choice-fields';
import { CsrfInput } from '~/components/csrf-input';
import { DateInput } from '~/components/date-input';
import { ErrorSummary, type FieldError } from '~/components/error-summary';
import { TextInput } from '~/components/text-input';
import { recordAudit } from '~/governance/audit.server';
import { EVENT_ORGANISERS } from '~/local/event-access.server';
import { NEW_EVENT_LISTS, newEventSchema } from '~/local/event-forms';
import { EVENT_KINDS } from '~/research/event-kinds';
import { createEvent } from '~/research/events.server';
import { listLocalAuthorities, listRegions } from '~/research/reference.server';
import { londonDate } from '~/scheduling/notice';
import { formValues, parseForm } from '~/utils/form';
import { formState } from '~/utils/form-state';

export const meta: MetaFunction = () => [{ title: 'Record an event – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ...EVENT_ORGANISERS);
  const [regions, authorities] = await Promise.all([listRegions(), listLocalAuthorities()]);
  return { regions, authorities };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ...EVENT_ORGANISERS);
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parseForm(newEventSchema, form, NEW_EVENT_LISTS);
  const values = formValues(form, NEW_EVENT_LISTS);
  const errors: FieldError[] = parsed.ok ? [] : parsed.errors.filter((error) => !['day', 'month', 'year'].includes(error.field));
  const date = londonDate({ day: String(values.day ?? ''), month: String(values.month ?? ''), year: String(values.year ?? '') });
  if (!date) errors.push({ field: 'day', message: 'Enter the date it was held, like 27 3 2027' });
  else if (date.toJSDate() > new Date()) errors.push({ field: 'day', message: 'The date must be today or in the past: record an event once it has happened' });
  if (!parsed.ok || !date || errors.length > 0) return { errors, values };
  const created = await createEvent({ ...parsed.data, heldOn: date.toJSDate(), singleUse: parsed.data.feedback === 'codes' });
  if (!created.ok) return { errors: [{ field: created.field, message: created.message }] satisfies FieldError[], values };
  await recordAudit({ who: user.id, what: 'events.record', subjectType: 'event', subjectId: created.event.id, correlationId: context.requestId, details: { kind: parsed.data.kind, authorities: parsed.data.laCodes.length, attendees: parsed.data.attendees } });
  throw redirect(`/staff/events/${created.event.id}?recorded=1`);
}

export default function NewEvent() {
  const { regions, authorities } = useLoaderData<typeof loader>();
  const { errors, errorFor, text, list } = formState(useActionData<typeof action>());
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/events" className="govuk-back-link">
          Back to workshops and events
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Record an event</h1>
        <Form method="post" noValidate>
          <CsrfInput />
          <ChoiceFields name="kind" legend="What kind of event was it?" options={Object.entries(EVENT_KINDS).map(([value, label]) => ({ value, label }))} selected={[text('kind')]} error={errorFor('kind')} />
          <TextInput name="title" label="Title" hint="For example, Using families’ feedback in commissioning (North West)" defaultValue={text('title')} error={errorFor('title')} maxLength={150} />
          <DateInput error={errorFor('day')} values={Object.fromEntries(['day', 'month', 'year'].map((part) => [part, [text(part)]]))} />
          <AuthorityCheckboxes name="laCodes" legend="Local authorities that came" hint="Open a region to choose its authorities." error={errorFor('laCodes')} regions={regions} authorities={authorities} selected={list('laCodes')} />
          <TextInput name="attendees" label="How many people came" className="govuk-input--width-4" inputMode="numeric" defaultValue={text('attendees')} error={errorFor('attendees')} maxLength={4} />
          <ChoiceFields
            name="feedback"
            legend="How will attendees tell you how it went?"
            options={[
              { value: 'link', label: 'One link and QR code for everyone' },
              { value: 'codes', label: 'A single-use code for each attendee, so each can answer once' },
            ]}
            selected={[text('feedback')]}
            error={errorFor('feedback')}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Record the event
          </button>
        </Form>
      </div>
    </div>
  );
}
