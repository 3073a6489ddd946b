import { getSurvey, unavailableSurvey, type SurveyDefinition } from './definitions.server';

/**
 * The question set named in the URL (`staff`: for a signed-in staff page); the 404 page for one we do not have, and a plain 503 for one we
 * have but could not load (the reason is for staff, on /staff/surveys and in the log).
 */
export function requireSurvey(slug: string | undefined, { staff = false }: { staff?: boolean } = {}): SurveyDefinition {
  const survey = slug ? getSurvey(slug) : undefined;
  // Sets staff record (a local authority's self-assessment) are not offered to the public at all.
  if (survey && survey.access === 'staff' && !staff) throw new Response('Not found', { status: 404 });
  if (survey) return survey;
  if (slug && unavailableSurvey(slug)) {
    throw new Response('These questions are not available at the moment. Please try again later.', { status: 503, headers: { 'Retry-After': '3600' } });
  }
  throw new Response('Not found', { status: 404 });
}
