import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { DEPARTMENT } from '#db/reference/department';
import { requireCsrf } from '~/auth/csrf.server';
import { CsrfInput } from '~/components/csrf-input';
import { claimFeedbackCode, FEEDBACK_CODE } from '~/identity/feedback-codes.server';
import { getSession } from '~/research/sessions.server';
import { startDraft } from '~/surveys/drafts.server';
import { journeyCookieWith, pageFlow, textFor } from '~/surveys/journey.server';
import { requireSurvey } from '~/surveys/route-helpers.server';
import { sourceFromParams } from '~/surveys/sources.server';

export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Survey'} – Family Voice` }];

const USED_CODE = 'This feedback link has already been used, or is not right. Each link can be used once. If you have not told us about the session yet, contact the person who ran it.';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', cy: 'Cymraeg' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const survey = requireSurvey(params.slug);
  const url = new URL(request.url);
  const lang = survey.locales.includes(url.searchParams.get('lang') ?? '') ? url.searchParams.get('lang')! : survey.locales[0]!;
  const text = textFor(survey, lang);
  return {
    slug: survey.id,
    title: text.title,
    description: text.description,
    lang,
    languages: survey.locales.length > 1 ? survey.locales.map((code) => ({ code, name: LANGUAGE_NAMES[code] ?? code })) : [],
    source: sourceFromParams(url.searchParams),
    code: FEEDBACK_CODE.test(url.searchParams.get('code') ?? '') ? url.searchParams.get('code') : null,
    pageCount: text.pages.length,
    usesReactUi: survey.renderer === 'surveyjs',
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
  if (code) {
    const sessionId = await claimFeedbackCode(code);
    if (!sessionId || !(await getSession(sessionId))) throw new Response(USED_CODE, { status: 410 });
    source.session = sessionId;
  }
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
          <li>Your answers are saved as you go, so you can come back to them on this device for up to 7 days.</li>
        </ul>
        {data.usesReactUi ? (
          <a href={`/surveys/${data.slug}/form?${new URLSearchParams({ ...data.source, lang: data.lang })}`} role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
            Start now
          </a>
        ) : (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="lang" value={data.lang} />
            {data.code ? <input type="hidden" name="code" value={data.code} /> : null}
            {Object.entries(data.source).map(([key, value]) => (
              <input key={key} type="hidden" name={key} value={value} />
            ))}
            <button type="submit" className="govuk-button govuk-button--start" data-module="govuk-button">
              Start now
              <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
                <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
              </svg>
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}
