import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { DEPARTMENT } from '#db/reference/department';
import { requireCsrf } from '~/auth/csrf.server';
import { CsrfInput } from '~/components/csrf-input';
import { claimFeedbackCode, FEEDBACK_CODE } from '~/identity/feedback-codes.server';
import { claimEventCode, EVENT_SECRET, eventForLink } from '~/research/events.server';
import { getSession } from '~/research/sessions.server';
import { deleteDraft, startDraft } from '~/surveys/drafts.server';
import { currentDraft, journeyCookieWith, pageFlow, resumePage, textFor } from '~/surveys/journey.server';
import { NeedsJavaScript } from '~/surveys/components/needs-javascript';
import { requireSurvey } from '~/surveys/route-helpers.server';
import { sourceFromParams } from '~/surveys/sources.server';
import { StartIcon } from '~/components/start-icon';
import { periodText, RETENTION_DAYS } from '~/governance/retention-schedule';

export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Survey'} – Family Voice` }];

const USED_CODE = 'This feedback link has already been used, or is not right. Each link can be used once. If you have not told us about the session yet, contact the person who ran it.';

const USED_EVENT_CODE = 'This feedback code has already been used, or is not right. Each code can be used once. Ask the organiser of the event for another.';
const NO_EVENT = 'This feedback link is not right. Use the link or QR code you were given at the event, or ask its organiser for it.';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', cy: 'Cymraeg' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const survey = requireSurvey(params.slug);
  const url = new URL(request.url);
  const lang = survey.locales.includes(url.searchParams.get('lang') ?? '') ? url.searchParams.get('lang')! : survey.locales[0]!;
  const text = textFor(survey, lang);
  // Answers saved on this device and not yet sent: offer to carry on (a staff preview is not offered).
  const draft = survey.renderer === 'govuk' || survey.plainPages ? await currentDraft(request, survey) : undefined;
  const resume = draft && !draft.preview ? `/surveys/${survey.id}/${resumePage(textFor(survey, draft.locale), draft.answers)}` : null;
  return {
    resume,
    slug: survey.id,
    title: text.title,
    description: text.description,
    lang,
    languages: survey.locales.length > 1 ? survey.locales.map((code) => ({ code, name: LANGUAGE_NAMES[code] ?? code })) : [],
    source: sourceFromParams(url.searchParams),
    code: FEEDBACK_CODE.test(url.searchParams.get('code') ?? '') ? url.searchParams.get('code') : null,
    // Feedback on an event comes only through its link (event) or a single-use code (ecode).
    event: survey.access === 'event' && EVENT_SECRET.test(url.searchParams.get('event') ?? '') ? url.searchParams.get('event') : null,
    eventCode: survey.access === 'event' && EVENT_SECRET.test(url.searchParams.get('ecode') ?? '') ? url.searchParams.get('ecode') : null,
    needsEvent: survey.access === 'event',
    pageCount: text.pages.length,
    usesReactUi: survey.renderer === 'surveyjs',
    plainPages: survey.plainPages,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const survey = requireSurvey(params.slug);
  const form = await request.formData();
  await requireCsrf(request, form);
  const lang = String(form.get('lang') ?? '');
  const locale = survey.locales.includes(lang) ? lang : survey.locales[0]!;
  const fields = new URLSearchParams([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const source = sourceFromParams(fields);
  // Feedback is kept with a session only through an attendee's single-use code, used here once.
  const code = fields.get('code');
  const previous = await currentDraft(request, survey);
  if (code && previous?.source.session) {
    // Starting a session's feedback again on the same device: its code was used for the first start.
    source.session = previous.source.session;
  } else if (code) {
    const sessionId = await claimFeedbackCode(code);
    if (!sessionId || !(await getSession(sessionId))) throw new Response(USED_CODE, { status: 410 });
    source.session = sessionId;
  }
  if (survey.access === 'event') {
    const eventToken = fields.get('event');
    const eventCode = fields.get('ecode');
    if ((eventToken || eventCode) && previous?.source.event) {
      // Starting the same event's feedback again on this device: its code was used for the first start.
      source.event = previous.source.event;
    } else if (eventCode) {
      const eventId = await claimEventCode(eventCode);
      if (!eventId) throw new Response(USED_EVENT_CODE, { status: 410 });
      source.event = eventId;
    } else {
      const eventId = eventToken ? await eventForLink(eventToken) : null;
      if (!eventId) throw new Response(NO_EVENT, { status: 410 });
      source.event = eventId;
    }
  }
  // Starting again: the unsent answers on this device go, so nobody coming after sees them.
  if (previous) await deleteDraft(previous.id);
  const draft = await startDraft({ surveyId: survey.id, surveyVersion: survey.version, source, locale });
  const first = pageFlow(textFor(survey, locale), {})[0];
  throw redirect(`/surveys/${survey.id}/${first?.name ?? 'check'}`, {
    headers: { 'Set-Cookie': await journeyCookieWith(request, survey.id, draft.id) },
  });
}

export default function SurveyStart() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {data.languages.length > 0 ? (
          <nav aria-label="Language" className="govuk-!-margin-bottom-4">
            <ul className="govuk-list app-language-list">
              {data.languages.map((language) => (
                <li key={language.code}>
                  {language.code === data.lang ? (
                    <span aria-current="true">{language.name}</span>
                  ) : (
                    <a className="govuk-link" href={`?lang=${language.code}`} lang={language.code} hrefLang={language.code}>
                      {language.name}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <h1 className="govuk-heading-xl">{data.title}</h1>
        {data.description ? <p className="govuk-body-l">{data.description}</p> : null}
        <h2 className="govuk-heading-m">Before you start</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>It takes about {data.pageCount > 8 ? '10' : '5'} minutes. You can skip any question you do not want to answer.</li>
          <li>We do not ask for your name, address, email, phone number or date of birth.</li>
          <li>
            Your answers are anonymous. They are kept apart from any contact details, and nobody can link them back to
            you.
          </li>
          <li>
            The {DEPARTMENT.name} ({DEPARTMENT.shortName}) is responsible for your answers. They are used
            to improve support for families. Read the <a className="govuk-link" href="/privacy">privacy notice</a>.
          </li>
          {/* The React UI keeps answers in the page; only the GOV.UK pages save them as the family goes. */}
          <li className={data.usesReactUi ? 'app-no-js-only' : undefined}>Your answers are saved as you go, so you can come back to them on this device for up to {periodText(RETENTION_DAYS.surveyDrafts)}.</li>
        </ul>
        {data.usesReactUi ? (
          <>
            <div className="app-js-only">
              <a href={`/surveys/${data.slug}/form?${new URLSearchParams({ ...data.source, lang: data.lang })}`} role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
                Start now
              </a>
            </div>
            {/* Without JavaScript: the same questions on simple pages where they can be drawn, otherwise a way to answer. */}
            <div className="app-no-js-only">
              {data.plainPages ? (
                <PagesStart data={data} />
              ) : (
                <NeedsJavaScript />
              )}
            </div>
          </>
        ) : (
          <PagesStart data={data} />
        )}
      </div>
    </div>
  );
}

/** Starting (or carrying on with) the GOV.UK pages, which work without JavaScript. */
function PagesStart({ data }: { data: ReturnType<typeof useLoaderData<typeof loader>> }) {
  if (data.needsEvent && !data.event && !data.eventCode && !data.resume) {
    return (
      <div className="govuk-inset-text">
        These questions are about an event you came to. Use the link or QR code you were given at the event, or ask its organiser for it.
      </div>
    );
  }
  return data.resume ? (
    <>
      <h2 className="govuk-heading-m">You have answers you have not sent</h2>
      <p className="govuk-body">Answers you gave before are saved on this device. You can carry on from where you stopped, or start again.</p>
      <div className="govuk-button-group">
        <a href={data.resume} role="button" draggable="false" className="govuk-button" data-module="govuk-button">
          Continue where you left off
        </a>
        <StartForm data={data} label="Start again" secondary />
      </div>
      <p className="govuk-body">Starting again deletes the answers you have not sent.</p>
    </>
  ) : (
    <StartForm data={data} label="Start now" />
  );
}

function StartForm({ data, label, secondary = false }: { data: ReturnType<typeof useLoaderData<typeof loader>>; label: string; secondary?: boolean }) {
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="lang" value={data.lang} />
      {data.code ? <input type="hidden" name="code" value={data.code} /> : null}
      {data.event ? <input type="hidden" name="event" value={data.event} /> : null}
      {data.eventCode ? <input type="hidden" name="ecode" value={data.eventCode} /> : null}
      {Object.entries(data.source).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <button type="submit" className={secondary ? 'govuk-button govuk-button--secondary' : 'govuk-button govuk-button--start'} data-module="govuk-button">
        {label}
        {secondary ? null : (
          <StartIcon />
        )}
      </button>
    </Form>
  );
}
