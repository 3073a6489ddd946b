import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { z } from 'zod';
import { requireCsrf } from '~/auth/csrf.server';
import { answersToStore } from '~/surveys/responses.server';
import { Link, useLoaderData } from '@remix-run/react';
import surveyCss from 'survey-core/survey-core.fontless.min.css';
import { requireUser } from '~/auth/guards.server';
import { SurveyJsForm } from '~/surveys/components/surveyjs-form';
import { requireSurvey } from '~/surveys/route-helpers.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: surveyCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Preview: ${data?.title ?? 'question set'} – Family Voice` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const survey = requireSurvey(params.slug);
  return { slug: survey.id, title: survey.text[survey.locales[0]!]!.title, json: survey.json };
}

const previewRequest = z.object({ csrf: z.string(), answers: z.record(z.unknown()), locale: z.string().max(10).optional() });

/** The staff preview's answers, checked as a submission would be, and shown back; nothing is stored. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request);
  const survey = requireSurvey(params.slug);
  const parsed = previewRequest.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return data({ ok: false as const, errors: [{ field: 'answers', message: 'The answers could not be read' }] }, { status: 400 });
  const form = new FormData();
  form.set('csrf', parsed.data.csrf);
  await requireCsrf(request, form);
  const result = answersToStore(survey, parsed.data.answers, parsed.data.locale);
  return data(result, { status: result.ok ? 200 : 400 });
}

export default function SurveyPreview() {
  const { slug, title, json } = useLoaderData<typeof loader>();
  return (
    <>
      <Link to="/staff/surveys" className="govuk-back-link">
        Back to question sets
      </Link>
      <h1 className="govuk-heading-l">Preview: {title}</h1>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          This is a preview. Nothing you enter is saved or sent.
        </strong>
      </div>
      <SurveyJsForm slug={slug} json={json} preview />
    </>
  );
}
