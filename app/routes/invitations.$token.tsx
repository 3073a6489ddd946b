import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requireCsrf } from '~/auth/csrf.server';
import { ChoiceFields, TextArea } from '~/components/choice-fields';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { SuccessBanner } from '~/components/success-banner';
import { linkOfWithdrawnMember, updateOwnPreferences } from '~/identity/participants.server';
import { AVAILABILITY } from '~/panels/options';
import { withdrawParticipant } from '~/panels/withdraw.server';
import { findInvitation, respondToInvitation } from '~/scheduling/invitations.server';
import { formatLondon } from '~/scheduling/notice';
import { withPlace } from '~/scheduling/places.server';
import { memberSessions, replyToOwnInvitation, type MemberSession } from '~/scheduling/member-sessions.server';
import { getSession } from '~/research/sessions.server';

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'Your invitation – Family Voice' }];

const STATUS_TEXT: Record<string, string> = {
  preferences: 'Your details have been updated.',
  'other-accepted': 'You have a place at that session.',
  'other-declined': 'We have noted that you cannot come to that session.',
  'other-waitlisted': 'That session is full. You are on its waiting list.',
  invited: 'You have not replied yet.',
  accepted: 'You have a place. We look forward to seeing you.',
  declined: 'You said you cannot come.',
  waitlisted: 'The session is full. You are on the waiting list, and we will tell you if a place comes up.',
};

/** The invitation and its session, or the same 404 for a forged, unknown or expired link. */
async function requireInvitation(token: string | undefined) {
  const found = token ? await findInvitation(token) : undefined;
  const session = found ? await getSession(found.invitation.sessionId) : undefined;
  if (!found || !session || session.cancelledAt) {
    // Someone who has left keeps their old links: tell them so, and how to come back.
    if (!found && token && (await linkOfWithdrawnMember(token))) throw redirect('/withdrawn?link=old');
    throw new Response('This link is not valid or has expired', { status: 404 });
  }
  return { ...found, session };
}

/** Where the session is; how to join online only for someone with a place. */
async function placeForMember(session: Awaited<ReturnType<typeof getSession>> & object, status: string) {
  const placed = await withPlace(session);
  const where = session.mode === 'online' ? 'Online' : session.mode === 'hybrid' ? `${placed.venue ?? 'Venue to be confirmed'}, or online` : (placed.venue ?? 'Venue to be confirmed');
  const joining = session.mode === 'in-person' ? null : status === 'accepted' ? (placed.onlineDetails ?? 'We will send you the joining details before the session.') : 'People with a place are sent the joining details.';
  return { title: session.title, when: formatLondon(session.startsAt), mode: session.mode, where, joining };
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { invitation, fullName, session, preferences } = await requireInvitation(params.token);
  return {
    preferences,
    fullName,
    status: invitation.status,
    statusText: STATUS_TEXT[invitation.status] ?? '',
    accessNote: invitation.accessNote,
    session: await placeForMember(session, invitation.status),
    otherSessions: (await memberSessions(invitation.participantId)).filter((item) => item.invitationId !== invitation.id),
  };
}

const optionalText = (label: string) =>
  z
    .string()
    .trim()
    .max(1000, `${label} must be 1000 characters or fewer`)
    .transform((value) => (value === '' ? null : value));

const preferencesSchema = z.object({
  preferredContact: z.enum(['email', 'phone', 'text'], { errorMap: () => ({ message: 'Select how you would like us to contact you' }) }),
  accessNeeds: optionalText('Access needs'),
  caringCommitments: optionalText('Childcare and caring'),
  availability: z.array(z.enum(Object.keys(AVAILABILITY) as [keyof typeof AVAILABILITY])),
});

const responseSchema = z.object({
  response: z.enum(['accept', 'decline'], { errorMap: () => ({ message: 'Select whether you can come' }) }),
  accessNote: z
    .string()
    .trim()
    .max(1000, 'Your note must be 1000 characters or fewer')
    .transform((value) => (value === '' ? null : value)),
});

const otherReplySchema = z.object({ invitationId: z.string().uuid(), response: z.enum(['accept', 'decline']) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { invitation, session } = await requireInvitation(params.token);
  const form = await request.formData();
  await requireCsrf(request, form);
  if (form.get('intent') === 'preferences') {
    const parsed = preferencesSchema.safeParse({
      preferredContact: form.get('preferredContact') ?? undefined,
      accessNeeds: String(form.get('accessNeeds') ?? ''),
      caringCommitments: String(form.get('caringCommitments') ?? ''),
      availability: form.getAll('availability'),
    });
    if (!parsed.success) {
      return data({ errors: parsed.error.issues.map((issue) => ({ field: String(issue.path[0]), message: issue.message })), saved: null }, { status: 400 });
    }
    const updated = await updateOwnPreferences({ participantId: invitation.participantId, preferences: parsed.data });
    if (!updated.ok) return data({ errors: [{ field: updated.field, message: updated.message }], saved: null }, { status: 400 });
    return data({ errors: [], saved: 'preferences' });
  }
  if (form.get('intent') === 'reply-other') {
    const parsed = otherReplySchema.safeParse({ invitationId: form.get('invitationId'), response: form.get('response') });
    const result = parsed.success ? await replyToOwnInvitation({ participantId: invitation.participantId, ...parsed.data }) : undefined;
    // Someone else's invitation, a past or cancelled session, or a tampered form.
    if (!result) throw new Response('That session cannot be changed here', { status: 404 });
    return data({ errors: [], saved: `other-${result.status}` });
  }
  if (form.get('intent') === 'withdraw') {
    if (form.get('confirmWithdraw') !== 'yes') {
      return data({ errors: [{ field: 'confirmWithdraw', message: 'Confirm that you want to stop taking part' }], saved: null }, { status: 400 });
    }
    await withdrawParticipant({ participantId: invitation.participantId, deleteAnswers: form.get('deleteAnswers') === 'yes' });
    throw redirect('/withdrawn');
  }
  const parsed = responseSchema.safeParse({ response: form.get('response') ?? undefined, accessNote: String(form.get('accessNote') ?? '') });
  if (!parsed.success) {
    return data({ errors: parsed.error.issues.map((issue) => ({ field: String(issue.path[0]), message: issue.message })), saved: null }, { status: 400 });
  }
  const result = await respondToInvitation({ invitation, session, response: parsed.data.response, accessNote: parsed.data.accessNote });
  return data({ errors: [], saved: result.status });
}

export default function InvitationPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const status = result?.saved && result.saved !== 'preferences' && !result.saved.startsWith('other-') ? result.saved : page.status;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={result?.errors ?? []} />
        {result?.saved ? (
          <SuccessBanner message={STATUS_TEXT[result.saved] ?? 'Your reply has been saved.'} />
        ) : null}
        <span className="govuk-caption-l">Hello {page.fullName}</span>
        <h1 className="govuk-heading-l">{page.session.title}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">When</dt>
            <dd className="govuk-summary-list__value">{page.session.when} (UK time)</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Where</dt>
            <dd className="govuk-summary-list__value">{page.session.where}</dd>
          </div>
          {page.session.joining ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Joining online</dt>
              <dd className="govuk-summary-list__value app-message-body">{page.session.joining}</dd>
            </div>
          ) : null}
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Your reply</dt>
            <dd className="govuk-summary-list__value">{STATUS_TEXT[status]}</dd>
          </div>
        </dl>
        <Form method="post" noValidate>
          <CsrfInput />
          <ChoiceFields
            name="response"
            legend="Can you come?"
            error={result?.errors.find((error) => error.field === 'response')?.message}
            selected={status === 'accepted' || status === 'waitlisted' ? ['accept'] : status === 'declined' ? ['decline'] : []}
            options={[
              { value: 'accept', label: 'Yes, I can come' },
              { value: 'decline', label: 'No, I cannot come' },
            ]}
          />
          <TextArea
            name="accessNote"
            label="Is there anything you need to take part? (optional)"
            hint="For example step-free access, an interpreter, or a crèche place"
            defaultValue={page.accessNote ?? ''}
            error={result?.errors.find((error) => error.field === 'accessNote')?.message}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Send my reply
          </button>
        </Form>
        <YourOtherSessions sessions={page.otherSessions} />
        <h2 className="govuk-heading-m">Your details</h2>
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="preferences" />
          <ChoiceFields
            name="preferredContact"
            legend="How should we contact you?"
            error={result?.errors.find((error) => error.field === 'preferredContact')?.message}
            selected={[page.preferences.preferredContact]}
            options={[
              { value: 'email', label: 'Email' },
              { value: 'phone', label: 'Phone call' },
              { value: 'text', label: 'Text message' },
            ]}
          />
          <TextArea name="accessNeeds" label="Access needs or adjustments (optional)" defaultValue={page.preferences.accessNeeds ?? ''} error={result?.errors.find((error) => error.field === 'accessNeeds')?.message} />
          <TextArea name="caringCommitments" label="Childcare or caring you need to fit around (optional)" defaultValue={page.preferences.caringCommitments ?? ''} error={result?.errors.find((error) => error.field === 'caringCommitments')?.message} />
          <ChoiceFields
            name="availability"
            legend="When suits you? (optional)"
            multiple
            selected={page.preferences.availability}
            options={Object.entries(AVAILABILITY).map(([key, label]) => ({ value: key, label }))}
          />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Update my details
          </button>
        </Form>
        <h2 className="govuk-heading-m">Stop taking part</h2>
        <p className="govuk-body">
          You can leave the panel at any time. We will delete your name, contact details and needs. You can also ask us to
          delete the answers you gave about yourself.
        </p>
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="withdraw" />
          <ChoiceFields
            name="confirmWithdraw"
            legend="Leave the panel"
            multiple
            error={result?.errors.find((error) => error.field === 'confirmWithdraw')?.message}
            options={[{ value: 'yes', label: 'I want to stop taking part and have my details deleted' }]}
          />
          <ChoiceFields
            name="deleteAnswers"
            legend="Your answers"
            multiple
            options={[{ value: 'yes', label: 'Also delete the answers I gave about myself' }]}
          />
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            Stop taking part
          </button>
        </Form>
      </div>
    </div>
  );
}

const UPCOMING_REPLY: Record<string, string> = { invited: 'Not replied yet', accepted: 'You have a place', declined: 'You cannot come', waitlisted: 'On the waiting list' };

function replyText(item: MemberSession): string {
  if (item.state === 'cancelled') return 'Cancelled';
  if (item.state === 'upcoming') return UPCOMING_REPLY[item.status] ?? '';
  if (item.attended !== null) return item.attended ? 'You took part' : 'You could not make it';
  return item.status === 'accepted' ? 'You had a place' : 'You did not come';
}

/** The member's other sessions, with a quick reply to upcoming ones (it works without JavaScript). */
function YourOtherSessions({ sessions }: { sessions: MemberSession[] }) {
  if (sessions.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Your other sessions</h2>
      <table className="govuk-table" aria-label="Other sessions you have been invited to">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Session</th>
            <th scope="col" className="govuk-table__header">Your reply</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {sessions.map((item) => (
            <tr key={item.invitationId} className="govuk-table__row">
              <td className="govuk-table__cell">
                <strong>{item.title}</strong>
                <br />
                {item.when}
              </td>
              <td className="govuk-table__cell">
                {replyText(item)}
                {item.state === 'upcoming' ? (
                  <Form method="post" className="govuk-!-margin-top-2">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="reply-other" />
                    <input type="hidden" name="invitationId" value={item.invitationId} />
                    <div className="govuk-button-group app-button-group--in-table">
                      {item.status !== 'accepted' && item.status !== 'waitlisted' ? (
                        <button type="submit" name="response" value="accept" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                          I can come<span className="govuk-visually-hidden"> to {item.title}</span>
                        </button>
                      ) : null}
                      {item.status !== 'declined' ? (
                        <button type="submit" name="response" value="decline" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                          I cannot come<span className="govuk-visually-hidden"> to {item.title}</span>
                        </button>
                      ) : null}
                    </div>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
