import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
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
