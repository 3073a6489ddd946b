import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import surveyCss from 'survey-core/survey-core.fontless.min.css';
import { SurveyJsForm } from '~/surveys/components/surveyjs-form';
import { requireSurvey } from '~/surveys/route-helpers.server';
import { sourceFromParams } from '~/surveys/sources.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: surveyCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Survey'} – Family Voice` }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const survey = requireSurvey(params.slug);
  if (survey.renderer !== 'surveyjs') throw redirect(`/surveys/${survey.id}`);
  const lang = new URL(request.url).searchParams.get('lang') ?? '';
  return {
    locale: survey.locales.includes(lang) ? lang : survey.locales[0]!,
    slug: survey.id,
    title: survey.text[survey.locales[0]!]!.title,
    json: survey.json,
    source: sourceFromParams(new URL(request.url).searchParams) as Record<string, string>,
    // The start page offers the GOV.UK pages to a browser without JavaScript.
    plainPagesHref: survey.plainPages ? `/surveys/${survey.id}?${new URLSearchParams({ ...sourceFromParams(new URL(request.url).searchParams), lang: survey.locales.includes(lang) ? lang : survey.locales[0]! })}` : undefined,
  };
}

export default function SurveyJsPage() {
  const { slug, title, json, source, locale, plainPagesHref } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-visually-hidden">{title}</h1>
      <SurveyJsForm slug={slug} json={json} source={source} locale={locale} plainPagesHref={plainPagesHref} />
    </>
  );
}
