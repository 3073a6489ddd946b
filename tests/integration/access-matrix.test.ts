import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { identityDb } from '#db/identity/client';
import { participants, staffUsers } from '#db/identity/schema';
import { researchDb } from '#db/research/client';
import { codes, events, excerpts, guideVersions, guides, panels, panelSessions } from '#db/research/schema';
import { seedDemoData } from '#db/seed/seed';
import { DEMO_PASSWORD, DEMO_STAFF } from '#db/seed/staff';
import { ROLES, type Role } from '~/auth/roles';
import { signInStaff } from '../setup/sign-in';
import { quartersUpTo } from '~/reports/quarters';
import { outcome, pageRequest, testContext } from '../setup/requests';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

/**
 * Every route × every role (and someone not signed in): allowed, refused (403, or 404 where the
 * route hides what exists), or sent to sign in. The routes are read from app/routes, so a route
 * added without a rule here fails the test.
 */
const modules = import.meta.glob<{ loader?: (args: unknown) => Promise<unknown> }>('../../app/routes/*.{ts,tsx}');

type Ids = Record<string, string>;
interface Rule {
  /** The address to ask for, with the demo data's ids. */
  path: (ids: Ids) => string;
  /** Who may: 'public' is everyone, signed in or not; otherwise the staff roles allowed (others refused, the public sent to sign in). */
  allow: 'public' | 'staff' | Role[];
  /** How a role not allowed is refused. */
  refused?: 403 | 404;
  /** The address names nothing in the demo data (files made on demand): allowed roles get past the guard to a 404. */
  absent?: true;
}

const ALL_STAFF: Role[] = [...ROLES];
const quarter = quartersUpTo(new Date(), 1)[0]!.key;

const RULES: Record<string, Rule> = {
  '_index.tsx': { path: () => '/', allow: 'public' },
  'accessibility.tsx': { path: () => '/accessibility', allow: 'public' },
  'contact.tsx': { path: () => '/contact', allow: 'public' },
  'privacy.tsx': { path: () => '/privacy', allow: 'public' },
  'take-part.tsx': { path: () => '/take-part', allow: 'public' },
  'signed-out.tsx': { path: () => '/signed-out', allow: 'public' },
  'plan.tsx': { path: () => '/plan', allow: 'public' },
  'healthz.ts': { path: () => '/healthz', allow: 'public' },
  'guides._index.tsx': { path: () => '/guides', allow: 'public' },
  'guides.$slug.tsx': { path: (ids) => `/guides/${ids.guide}`, allow: 'public' },
  'guides.$slug.files.$versionId.ts': { path: (ids) => `/guides/${ids.guide}/files/${ids.guideVersion}`, allow: 'public' },
  'invitations.$token.tsx': { path: () => `/invitations/${'x'.repeat(43)}`, allow: 'public' },
  'panels._index.tsx': { path: () => '/panels', allow: 'public' },
  'panels.$panelId.join._index.tsx': { path: (ids) => `/panels/${ids.panel}/join`, allow: 'public' },
  'panels.$panelId.join.$step.tsx': { path: (ids) => `/panels/${ids.panel}/join/about-you`, allow: 'public' },
  'panels.$panelId.join.check.tsx': { path: (ids) => `/panels/${ids.panel}/join/check`, allow: 'public' },
  'panels.$panelId.joined.tsx': { path: (ids) => `/panels/${ids.panel}/joined`, allow: 'public' },
  'panels.stay.$token.tsx': { path: () => `/panels/stay/${'x'.repeat(43)}`, allow: 'public' },
  'panels.confirm.$token.tsx': { path: () => `/panels/confirm/${'x'.repeat(43)}`, allow: 'public' },
  'problem.$kind.tsx': { path: () => '/problem/too-large', allow: 'public' },
  'report-files.$reportId.$format.ts': { path: () => '/report-files/00000000-0000-4000-8000-000000000000/csv', allow: 'public' },
  'reports._index.tsx': { path: () => '/reports', allow: 'public' },
  'reports.$reportId.tsx': { path: () => '/reports/00000000-0000-4000-8000-000000000000', allow: 'public' },
  'set-password.$token.tsx': { path: () => `/set-password/${'x'.repeat(43)}`, allow: 'public' },
  'sign-in.tsx': { path: () => '/sign-in', allow: 'public' },
  // The second step of signing in: without a password just given, back to the first.
  'sign-in_.code.tsx': { path: () => '/sign-in/code', allow: 'staff' },
  'sign-in_.authenticator.tsx': { path: () => '/sign-in/authenticator', allow: 'staff' },
  'staff.authenticator.tsx': { path: () => '/staff/authenticator', allow: 'staff' },
  'staff.accounts.$userId_.authenticator.tsx': { path: (ids) => `/staff/accounts/${ids.staffUser}/authenticator`, allow: ['administrator'] },
  'sign-out.tsx': { path: () => '/sign-out', allow: 'public' },
  'withdrawn.tsx': { path: () => '/withdrawn', allow: 'public' },
  'surveys.$slug._index.tsx': { path: () => '/surveys/common-question-set', allow: 'public' },
  'surveys.$slug.$page.tsx': { path: () => '/surveys/common-question-set/services', allow: 'public' },
  'surveys.$slug.check.tsx': { path: () => '/surveys/common-question-set/check', allow: 'public' },
  'surveys.$slug.done.tsx': { path: () => '/surveys/common-question-set/done', allow: 'public' },
  'surveys.$slug.form.tsx': { path: () => '/surveys/priorities/form', allow: 'public' },
  'surveys.$slug.submit.tsx': { path: () => '/surveys/common-question-set/submit', allow: 'public' },

  'staff._index.tsx': { path: () => '/staff', allow: 'staff' },
  'staff.password.tsx': { path: () => '/staff/password', allow: 'staff' },
  'staff.surveys._index.tsx': { path: () => '/staff/surveys', allow: 'staff' },
  'staff.surveys.$slug.preview.tsx': { path: () => '/staff/surveys/common-question-set/preview', allow: 'staff' },
  'staff.surveys.$slug[.json].ts': { path: () => '/staff/surveys/common-question-set.json', allow: 'staff' },
  'staff.surveys.$slug[.docx].ts': { path: () => '/staff/surveys/common-question-set.docx', allow: 'staff' },
  'staff.surveys.$slug.link.tsx': { path: () => '/staff/surveys/common-question-set/link', allow: ['facilitator', 'administrator', 'la_officer'] },
  'staff.surveys.$slug.qr[.svg].ts': { path: () => '/staff/surveys/common-question-set/qr.svg?la=E08000003', allow: ['facilitator', 'administrator', 'la_officer'] },

  'staff.people._index.tsx': { path: () => '/staff/people?q=demo', allow: ['administrator'] },
  'staff.people.$participantId.tsx': { path: (ids) => `/staff/people/${ids.participant}`, allow: ['administrator'] },
  'staff.people.$participantId_.record[.html].ts': { path: (ids) => `/staff/people/${ids.participant}/record.html`, allow: ['administrator'] },
  'staff.data._index.tsx': { path: () => '/staff/data', allow: ['administrator'] },
  'staff.data.exports.$exportId[.zip].ts': { path: () => '/staff/data/exports/export-20261207T120000Z-abcdef.zip', allow: ['administrator'], absent: true },
  'staff.accounts._index.tsx': { path: () => '/staff/accounts', allow: ['administrator'] },
  'staff.accounts.new.tsx': { path: () => '/staff/accounts/new', allow: ['administrator'] },
  'staff.accounts.$userId.tsx': { path: (ids) => `/staff/accounts/${ids.staffUser}`, allow: ['administrator'] },
  'staff.audit.tsx': { path: () => '/staff/audit', allow: ['administrator'] },
  'staff.audit_.download.ts': { path: () => '/staff/audit/download', allow: ['administrator'] },
  'staff.outbox.tsx': { path: () => '/staff/outbox', allow: ['administrator'] },
  'staff.quarters.tsx': { path: () => '/staff/quarters', allow: ['administrator'] },
  'staff.footprints.tsx': { path: () => '/staff/footprints', allow: ['administrator'] },
  'staff.site.$page.tsx': { path: () => '/staff/site/delivery-plan', allow: ['administrator'] },

  'staff.codebook._index.tsx': { path: () => '/staff/codebook', allow: ['analyst', 'administrator'] },
  'staff.codebook.new.tsx': { path: () => '/staff/codebook/new', allow: ['analyst', 'administrator'] },
  'staff.codebook.$codeId.tsx': { path: (ids) => `/staff/codebook/${ids.code}`, allow: ['analyst', 'administrator'] },
  'staff.coding._index.tsx': { path: () => '/staff/coding', allow: ['analyst', 'administrator'] },
  'staff.coding.$excerptId.tsx': { path: (ids) => `/staff/coding/${ids.excerpt}`, allow: ['analyst', 'administrator'] },
  'staff.themes.tsx': { path: () => '/staff/themes', allow: ['analyst', 'administrator'] },
  'staff.transcripts._index.tsx': { path: () => '/staff/transcripts', allow: ['analyst', 'facilitator', 'administrator'] },
  'staff.transcripts.$sessionId.tsx': { path: (ids) => `/staff/transcripts/${ids.session}`, allow: ['analyst', 'facilitator', 'administrator'] },
  'staff.responses.import.tsx': { path: () => '/staff/responses/import', allow: ['la_officer', 'analyst', 'administrator'] },

  'staff.findings.tsx': { path: () => `/staff/findings?quarter=${quarter}&programme=family-hubs&level=region`, allow: ['programme_lead', 'analyst', 'administrator', 'la_officer'] },
  'staff.findings[.csv].ts': { path: () => `/staff/findings.csv?quarter=${quarter}&programme=family-hubs&level=england`, allow: ['programme_lead', 'analyst', 'administrator', 'la_officer'] },
  'staff.findings[.xlsx].ts': { path: () => `/staff/findings.xlsx?quarter=${quarter}&programme=family-hubs&level=england`, allow: ['programme_lead', 'analyst', 'administrator', 'la_officer'] },
  'staff.findings[.docx].ts': { path: () => `/staff/findings.docx?quarter=${quarter}&programme=family-hubs&level=england`, allow: ['programme_lead', 'analyst', 'administrator', 'la_officer'] },
  'staff.representation.tsx': { path: () => '/staff/representation?level=region&region=E12000002&source=respondents', allow: ['programme_lead', 'analyst', 'administrator', 'facilitator', 'la_officer'] },
  'staff.representation[.csv].ts': { path: () => '/staff/representation.csv?level=region&region=E12000002&source=respondents', allow: ['programme_lead', 'analyst', 'administrator', 'facilitator', 'la_officer'] },
  'staff.representation[.xlsx].ts': { path: () => '/staff/representation.xlsx?level=region&region=E12000002&source=respondents', allow: ['programme_lead', 'analyst', 'administrator', 'facilitator', 'la_officer'] },
  'staff.session-feedback.tsx': { path: () => '/staff/session-feedback', allow: ['administrator', 'facilitator', 'programme_lead'] },
  'staff.kpis.tsx': { path: () => '/staff/kpis', allow: ['programme_lead', 'administrator'] },
  'staff.kpis[.xlsx].ts': { path: () => '/staff/kpis.xlsx', allow: ['programme_lead', 'administrator'] },

  'staff.guides.new.tsx': { path: () => '/staff/guides/new', allow: ['administrator', 'analyst'] },
  'staff.guides.$slug.version.tsx': { path: (ids) => `/staff/guides/${ids.guide}/version`, allow: ['administrator', 'analyst'] },
  'staff.events._index.tsx': { path: () => '/staff/events', allow: ['administrator', 'facilitator'] },
  'staff.events.new.tsx': { path: () => '/staff/events/new', allow: ['administrator', 'facilitator'] },
  'staff.events.$eventId.tsx': { path: (ids) => `/staff/events/${ids.event}`, allow: ['administrator', 'facilitator'] },
  'staff.direct-support._index.tsx': { path: () => '/staff/direct-support', allow: ['administrator', 'facilitator', 'la_officer', 'programme_lead', 'analyst'] },
  // Manchester: the demo officer's own authority, in the demo facilitator's North West.
  'staff.direct-support.$laCode.tsx': { path: () => '/staff/direct-support/E08000003', allow: ['administrator', 'facilitator', 'la_officer', 'programme_lead', 'analyst'] },

  'staff.panels._index.tsx': { path: () => '/staff/panels', allow: ['facilitator', 'administrator'] },
  'staff.panels.new.tsx': { path: () => '/staff/panels/new', allow: ['facilitator', 'administrator'] },
  'staff.panels.$panelId._index.tsx': { path: (ids) => `/staff/panels/${ids.panel}`, allow: ['facilitator', 'administrator'] },
  'staff.panels.$panelId.settings.tsx': { path: (ids) => `/staff/panels/${ids.panel}/settings`, allow: ['facilitator', 'administrator'] },
  'staff.panels.$panelId.recruitment.tsx': { path: (ids) => `/staff/panels/${ids.panel}/recruitment`, allow: ['facilitator', 'administrator'] },
  'staff.panels.$panelId.members._index.tsx': { path: (ids) => `/staff/panels/${ids.panel}/members`, allow: ['facilitator', 'administrator'] },
  'staff.panels.$panelId.members.new.tsx': { path: (ids) => `/staff/panels/${ids.panel}/members/new`, allow: ['facilitator', 'administrator'] },
  'staff.panels.$panelId.attendance[.csv].ts': { path: (ids) => `/staff/panels/${ids.panel}/attendance.csv`, allow: ['facilitator', 'administrator'] },
  'staff.panels.$panelId.sessions.new.tsx': { path: (ids) => `/staff/panels/${ids.panel}/sessions/new`, allow: ['facilitator', 'administrator'] },
  'staff.panels.$panelId.sessions.$sessionId._index.tsx': { path: (ids) => `/staff/panels/${ids.panel}/sessions/${ids.session}`, allow: ['facilitator', 'administrator'] },
  'staff.panels.$panelId.sessions.$sessionId.attendance.tsx': { path: (ids) => `/staff/panels/${ids.panel}/sessions/${ids.session}/attendance`, allow: ['facilitator', 'administrator'] },
  'staff.panels.$panelId.sessions.$sessionId.cancel.tsx': { path: (ids) => `/staff/panels/${ids.panel}/sessions/${ids.session}/cancel`, allow: ['facilitator', 'administrator'] },
  'staff.panels.$panelId.sessions.$sessionId.edit.tsx': { path: (ids) => `/staff/panels/${ids.panel}/sessions/${ids.session}/edit`, allow: ['facilitator', 'administrator'] },
  'staff.panels.$panelId.sessions.$sessionId.reschedule.tsx': { path: (ids) => `/staff/panels/${ids.panel}/sessions/${ids.session}/reschedule`, allow: ['facilitator', 'administrator'] },
};

/** The route file's params, read from its name against the address asked for. */
function paramsFor(file: string, path: string): Record<string, string> {
  const segments = file
    .replace(/\.(tsx|ts)$/, '')
    .replace(/\[\.(\w+)\]/g, '.$1-ext')
    .split('.')
    .filter((segment) => segment !== '_index');
  const parts = path.split('?')[0]!.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  segments.forEach((segment, index) => {
    if (segment.startsWith('$')) params[segment.slice(1).replace(/_$/, '')] = (parts[index] ?? '').replace(/\.\w+$/, (extension) => (segments[index + 1]?.endsWith('-ext') ? '' : extension));
  });
  return params;
}

type Seen = 'allowed' | 'refused-403' | 'refused-404' | 'sign-in' | `other-${number}`;

async function visit(file: string, path: string, token?: string): Promise<Seen> {
  const route = await modules[`../../app/routes/${file}`]!();
  if (!route.loader) return 'allowed';
  const result = await outcome(async () => route.loader!({ request: await pageRequest(path, token ? { sessionToken: token } : {}), params: paramsFor(file, path), context: testContext() }));
  const location = result.headers.get('Location') ?? '';
  if (result.status >= 300 && result.status < 400 && location.startsWith('/sign-in')) return 'sign-in';
  if (result.status === 403) return 'refused-403';
  if (result.status === 404) return 'refused-404';
  return result.status < 500 ? 'allowed' : `other-${result.status}`;
}

describe(`the access matrix: every route × every role (${testStoreKind})`, () => {
  const ids: Ids = {};
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    await seedDemoData();
    const [panel] = await researchDb().select({ id: panels.id }).from(panels).where(eq(panels.regionCode, 'E12000002')).limit(1);
    const [session] = await researchDb().select({ id: panelSessions.id }).from(panelSessions).where(eq(panelSessions.panelId, panel!.id)).limit(1);
    const [excerpt] = await researchDb().select({ id: excerpts.id }).from(excerpts).limit(1);
    const [code] = await researchDb().select({ id: codes.id }).from(codes).limit(1);
    const [event] = await researchDb().select({ id: events.id }).from(events).limit(1);
    const [version] = await researchDb().select({ id: guideVersions.id }).from(guideVersions).innerJoin(guides, eq(guides.id, guideVersions.guideId)).where(and(eq(guides.isPublic, true), eq(guides.slug, 'principles-of-hearing-from-families')));
    const [admin] = await identityDb().select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.role, 'administrator')).limit(1);
    const [participant] = await identityDb().select({ id: participants.id }).from(participants).limit(1);
    Object.assign(ids, { panel: panel!.id, session: session!.id, excerpt: excerpt!.id, code: code!.id, event: event!.id, guide: 'principles-of-hearing-from-families', guideVersion: version!.id, staffUser: admin!.id, participant: participant!.id });
    for (const staff of DEMO_STAFF) {
      const signedIn = await signInStaff({ email: staff.email, password: DEMO_PASSWORD, address: '192.0.2.40' });
      if (!signedIn.ok) throw new Error(`sign-in failed for ${staff.role}`);
      tokens.set(staff.role, signedIn.token);
    }
  }, 120_000);

  it('has a rule for every route, and none for a route that is gone', () => {
    const files = Object.keys(modules).map((key) => key.replace('../../app/routes/', ''));
    expect(files.filter((file) => !RULES[file]), 'routes with no access rule').toEqual([]);
    expect(Object.keys(RULES).filter((file) => !files.includes(file)), 'rules for routes that do not exist').toEqual([]);
  });

  it('lets each role reach what it may, refuses the rest, and sends the public to sign in', async () => {
    const mismatches: string[] = [];
    for (const [file, rule] of Object.entries(RULES)) {
      const path = rule.path(ids);
      const anonymous = await visit(file, path);
      // A public page is the same for everyone: never a sign-in or a 403 (a made-up token is a 404 for all).
      const publicOutcome = anonymous === 'allowed' || anonymous === 'refused-404' ? anonymous : 'allowed';
      const expectedAnonymous: Seen = rule.allow === 'public' ? publicOutcome : 'sign-in';
      if (anonymous !== expectedAnonymous) mismatches.push(`${file} signed out: ${anonymous}, expected ${expectedAnonymous}`);
      for (const role of ALL_STAFF) {
        const allowed = rule.allow === 'public' || rule.allow === 'staff' || rule.allow.includes(role);
        const expected: Seen = rule.allow === 'public' ? publicOutcome : allowed ? (rule.absent ? 'refused-404' : 'allowed') : rule.refused === 404 ? 'refused-404' : 'refused-403';
        const seen = await visit(file, path, tokens.get(role));
        if (seen !== expected) mismatches.push(`${file} as ${role}: ${seen}, expected ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);
});
