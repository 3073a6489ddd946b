import { action as stepAction } from '~/routes/panels.$panelId.join.$step';
import { action as checkAction } from '~/routes/panels.$panelId.join.check';
import { formRequest, testContext } from './requests';

/** Which page of joining a panel asks each field; anything else goes with the About-you page. */
const STEP_FIELDS: Record<string, string[]> = {
  details: ['fullName', 'age', 'email', 'phone', 'preferredContact'],
  guardian: ['guardianName', 'guardianContact'],
  'taking-part': ['accessNeeds', 'caringCommitments', 'availability', 'attendanceMode'],
  agreement: ['consentResearch', 'consentContact'],
};
const KNOWN = new Set(Object.values(STEP_FIELDS).flat());

export type JoinOutcome = { status: number; location: string | null; step?: string; errors?: { field: string; message: string }[] };

/**
 * Joins a panel as a browser without JavaScript would: each page posted with the fields it asks,
 * following the redirects with the sign-up cookie, to check your answers and "Join the panel".
 * Stops at the first page that refuses its fields.
 */
export async function joinPanel(panelId: string, fields: Record<string, string | string[]>): Promise<JoinOutcome> {
  let cookie: string | undefined;
  let path = `/panels/${panelId}/join/details`;
  for (let hop = 0; hop < 10; hop += 1) {
    const step = /\/join\/([a-z-]+)/.exec(path)![1]!;
    const body = Object.fromEntries(
      Object.entries(fields).filter(([key]) => (step === 'about-you' ? !KNOWN.has(key) : (STEP_FIELDS[step] ?? []).includes(key))),
    );
    const request = await formRequest(path, body, { cookie });
    const run = step === 'check' ? checkAction : stepAction;
    try {
      const result = (await run({ request, params: { panelId, step }, context: testContext() })) as { init?: { status?: number }; data?: { errors?: JoinOutcome['errors'] } };
      return { status: result.init?.status ?? 200, location: null, step, errors: result.data?.errors };
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      const setCookie = thrown.headers.get('Set-Cookie');
      if (setCookie) cookie = setCookie.split(';')[0];
      const location = thrown.headers.get('Location') ?? '';
      if (!location.includes('/join/')) return { status: thrown.status, location };
      path = location;
    }
  }
  throw new Error('Joining went round in circles');
}
