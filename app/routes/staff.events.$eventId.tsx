import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { SuccessBanner } from '~/components/success-banner';
import { TextInput } from '~/components/text-input';
import { recordAudit } from '~/governance/audit.server';
import { EVENT_ORGANISERS, eventCodeLink, eventFeedbackLink } from '~/local/event-access.server';
import { eventCodesSchema } from '~/local/event-forms';
import { EVENT_KINDS, MAX_EVENT_CODES, type EventKind } from '~/research/event-kinds';
import { eventFeedbackCounts, getEvent, makeEventCodes } from '~/research/events.server';
import { describeScope } from '~/research/reference.server';
import { suppress } from '~/research/suppression';
import { qrCodeSvg } from '~/surveys/links.server';
import { parseForm } from '~/utils/form';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Event'} – Family Voice` }];

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });
const dataUri = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;

async function requireEvent(id: string | undefined) {
  const event = await getEvent(id ?? '');
  if (!event) throw new Response('Not found', { status: 404 });
  return event;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ...EVENT_ORGANISERS);
  const event = await requireEvent(params.eventId);
  const [scope, counts] = await Promise.all([describeScope({ regionCodes: [], programmeCodes: [], laCodes: event.laCodes }), eventFeedbackCounts(event.id)]);
  const link = event.feedbackToken ? eventFeedbackLink(event.feedbackToken) : null;
  // Shares only when enough answered that nobody's answer can be picked out.
  const shown = suppress(counts.responses) !== null;
  return {
    id: event.id,
    title: event.title,
    kind: EVENT_KINDS[event.kind as EventKind] ?? event.kind,
    held: dateFormat.format(event.heldOn),
    authorities: scope.localAuthorities,
    attendees: event.attendees,
    link,
    qr: link ? dataUri(await qrCodeSvg(link)) : null,
    feedback: {
      responses: counts.responses,
      quality: shown ? percent(counts.qualitySatisfied, counts.responses) : null,
      usefulness: shown ? percent(counts.usefulnessSatisfied, counts.responses) : null,
    },
    maxCodes: MAX_EVENT_CODES,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ...EVENT_ORGANISERS);
  const event = await requireEvent(params.eventId);
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parseForm(eventCodesSchema, form);
  if (!parsed.ok) return { errors: parsed.errors, codes: [] };
  const codes = await makeEventCodes(event.id, parsed.data.count);
  await recordAudit({ who: user.id, what: 'events.codes', subjectType: 'event', subjectId: event.id, correlationId: context.requestId, details: { codes: codes.length } });
  // Shown this once: only the codes' hashes are kept.
  return { errors: [], codes: await Promise.all(codes.map(async (code) => ({ link: eventCodeLink(code), qr: dataUri(await qrCodeSvg(eventCodeLink(code))) }))) };
}

export default function EventPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const errors = result?.errors ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/events" className="govuk-back-link">
          Back to workshops and events
        </Link>
        <ErrorSummary errors={errors} />
        {search.get('recorded') ? <SuccessBanner message="The event has been recorded." /> : null}
        <span className="govuk-caption-l">{data.kind}</span>
        <h1 className="govuk-heading-l app-break-words">{data.title}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Held</dt>
            <dd className="govuk-summary-list__value">{data.held}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Local authorities</dt>
            <dd className="govuk-summary-list__value">{data.authorities.join(', ')}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">People who came</dt>
            <dd className="govuk-summary-list__value">{data.attendees}</dd>
          </div>
        </dl>

        <h2 className="govuk-heading-m">Feedback</h2>
        <p className="govuk-body">
          {data.feedback.responses === 1 ? '1 person has' : `${data.feedback.responses} people have`} told us how it went.
          {data.feedback.quality === null
            ? ' Shares are shown once 10 or more have answered, so nobody’s answer can be picked out.'
            : ` ${data.feedback.quality} rated its quality good or very good, and ${data.feedback.usefulness} rated it useful or very useful.`}
        </p>

        {data.link ? (
          <>
            <h2 className="govuk-heading-m">The feedback link</h2>
            <p className="govuk-body">Share this link, or show the QR code at the end of the event. Attendees do not need an account.</p>
            <p className="govuk-body app-break-words">
              <a className="govuk-link" href={data.link}>
                {data.link}
              </a>
            </p>
            <img src={data.qr!} alt={`QR code for the feedback link ${data.link}`} width={200} height={200} />
          </>
        ) : (
          <>
            <h2 className="govuk-heading-m">Single-use feedback codes</h2>
            <p className="govuk-body">Each code lets one attendee answer once. Codes are shown only when you make them, so print or send them straight away.</p>
            <Form method="post" noValidate>
              <CsrfInput />
              <TextInput name="count" label="How many codes to make" hint={`Up to ${data.maxCodes} at a time.`} className="govuk-input--width-4" inputMode="numeric" defaultValue={String(data.attendees)} error={errors[0]?.message} maxLength={3} />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Make the codes
              </button>
            </Form>
            {result && result.codes.length > 0 ? (
              <>
                <h3 className="govuk-heading-s">Your {result.codes.length} codes</h3>
                <ol className="govuk-list govuk-list--number app-event-codes">
                  {result.codes.map((code, index) => (
                    <li key={code.link} className="app-break-words">
                      <a className="govuk-link" href={code.link}>
                        {code.link}
                      </a>
                      <br />
                      <img src={code.qr} alt={`QR code for feedback code ${index + 1}`} width={120} height={120} />
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
