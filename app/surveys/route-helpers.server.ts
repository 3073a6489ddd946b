import { getSurvey, type SurveyDefinition } from './definitions.server';

/** The question set named in the URL, or the 404 page. */
export function requireSurvey(slug: string | undefined): SurveyDefinition {
  const survey = slug ? getSurvey(slug) : undefined;
  if (!survey) throw new Response('Not found', { status: 404 });
  return survey;
}
