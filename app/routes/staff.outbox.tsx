import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import type { OutboxMessage } from '#db/identity/schema';
import { useLoaderData } from '@remix-run/react';
import { requireRole } from '~/auth/guards.server';
import { z } from 'zod';
import { Pagination } from '~/components/pagination';
import { OUTBOX_PAGE_SIZE, readOutbox } from '~/identity/messages.server';

export const meta: MetaFunction = () => [{ title: 'Outbox – Family Voice' }];

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'administrator');
  const params = new URL(request.url).searchParams;
  const search = (params.get('search') ?? '').slice(0, 200);
  const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(params.get('page') ?? 1);
  const { messages, total } = await readOutbox({ viewerId: user.id, correlationId: context.requestId, search, page });
  return {
    search,
    page,
    total,
    pageCount: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)),
    messages: messages.map((message) => ({
      id: message.id,
      when: dateFormat.format(message.createdAt),
      channel: message.channel,
      status: message.status,
      failure: message.failure,
      recipient: message.recipient,
      subject: message.subject,
      body: message.body,
      hasCalendar: message.raw?.includes('text/calendar') ?? false,
    })),
  };
}

const STATUS_TAG: Record<OutboxMessage['status'], { label: string; colour: string }> = {
  held: { label: 'Kept here', colour: 'govuk-tag--grey' },
  queued: { label: 'Waiting to be sent', colour: 'govuk-tag--blue' },
  sending: { label: 'Being sent', colour: 'govuk-tag--blue' },
  sent: { label: 'Sent', colour: 'govuk-tag--green' },
  failed: { label: 'Could not be sent', colour: 'govuk-tag--red' },
};

export default function Outbox() {
  const { messages, search, page, total, pageCount } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Outbox</h1>
      <p className="govuk-body">
        Messages are kept here when no sending service (GOV.UK Notify, or a mail server for email) is configured for
        their channel, while they wait to be sent, and when they could not be sent. Once a message is sent its content
        is removed. Newest first. Reading them is recorded in the audit trail.
      </p>
      <form method="get" role="search" aria-label="Search the outbox" className="govuk-!-margin-bottom-6">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="search">
            Search by recipient or subject
          </label>
          <input className="govuk-input govuk-!-width-two-thirds" id="search" name="search" type="search" defaultValue={search} maxLength={200} />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Search
        </button>
      </form>
      <p className="govuk-body" role="status">
        {total === 1 ? '1 message' : `${total} messages`}
        {search ? ` matching “${search}”` : ''}
        {pageCount > 1 ? `, page ${page} of ${pageCount}` : ''}.
      </p>
      {messages.length === 0 ? <p className="govuk-body">There are no messages.</p> : null}
      {messages.map((message) => (
        <div className="govuk-summary-card" key={message.id}>
          <div className="govuk-summary-card__title-wrapper">
            <h2 className="govuk-summary-card__title">{message.subject}</h2>
          </div>
          <div className="govuk-summary-card__content">
            <p className="govuk-body-s">
              {message.when}, {message.channel === 'email' ? 'email' : 'text message'} to <span className="app-break-words">{message.recipient}</span>
              {message.hasCalendar ? ', with a calendar file (.ics)' : ''}
            </p>
            <p className="govuk-body-s">
              <strong className={`govuk-tag ${STATUS_TAG[message.status].colour}`}>{STATUS_TAG[message.status].label}</strong>
              {message.status === 'failed' && message.failure ? ` The sending service answered: ${message.failure}.` : null}
            </p>
            <pre className="govuk-body app-message-body">{message.body}</pre>
          </div>
        </div>
      ))}
      <Pagination page={page} pageCount={pageCount} params={search ? { search } : {}} label="Outbox pages" />
    </>
  );
}
