import { sql, type SQL } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import { queryRows } from '#db/store';
import { suppress } from './suppression';

/**
 * KPI 7.1.2.b: at least 75% of participants say sessions were run professionally and safely, and that
 * they were empowered. Out of everyone who attended, not out of those who answered: a session whose
 * attendees mostly say nothing has not shown it.
 */
export const KPI_TARGET = 0.75;

export const FEEDBACK_SURVEY = 'session-feedback';

/** The statements of the feedback form's `session_quality` matrix, in the form's order. */
export const STATEMENTS = [
  { key: 'professional', label: 'Run well and professionally', kpi: true },
  { key: 'safe', label: 'Felt safe', kpi: true },
  { key: 'heard', label: 'Felt listened to', kpi: true },
  { key: 'able-to-take-part', label: 'Able to take part', kpi: false },
  { key: 'accessible', label: 'Place or online session worked for their needs', kpi: true },
  { key: 'empowered', label: 'Felt what they said could make a difference', kpi: true },
] as const;

const POSITIVE = ['strongly-agree', 'agree'];

/** Which panels' sessions a reader sees: all, those in some regions, or those for some programmes. */
export type FeedbackScope = { kind: 'all' } | { kind: 'regions'; regionCodes: string[] } | { kind: 'programmes'; programmeCodes: string[] };

export interface Share {
  /** How many answered. */
  total: number;
  /** How many were positive; null when fewer than 10 answered, so no one can be picked out. */
  positive: number | null;
  /** positive ÷ total, or null when suppressed. */
  rate: number | null;
}

export interface PanelFeedback {
  panelId: string;
  panelName: string;
  attendees: number;
  responses: Share;
}

export interface FeedbackReport {
  overall: Share & { attendees: number; metTarget: boolean | null };
  statements: (Share & { key: string; label: string })[];
  panels: PanelFeedback[];
}

/** `out of`: what the rate is a share of (the attendees for the KPI; those who answered for a statement). */
function share(total: number, positive: number, outOf: number = total): Share {
  const shown = suppress(total) === null ? null : positive;
  return { total, positive: shown, rate: shown === null || outOf === 0 ? null : Math.min(shown / outOf, 1) };
}

function scopeCondition(scope: FeedbackScope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const values = scope.kind === 'regions' ? scope.regionCodes : scope.programmeCodes;
  if (values.length === 0) return sql`false`;
  const list = sql.join(values.map((value) => sql`${value}`), sql`, `);
  return scope.kind === 'regions' ? sql`p.region_code in (${list})` : sql`p.programme_codes && array[${list}]::text[]`;
}

/**
 * Session feedback against KPI 7.1.2.b, counted in SQL. A response is positive when it agrees or
 * strongly agrees with every KPI statement it answered (professional, safe, heard, able to take part);
 * one that answered none of them is not. Feedback is kept with the session, never the person.
 * `held` limits it to sessions that started in that period.
 */
export async function sessionFeedbackReport(scope: FeedbackScope, held?: { from: Date; to: Date }): Promise<FeedbackReport> {
  const inScope = held ? sql`${scopeCondition(scope)} and s.starts_at >= ${held.from} and s.starts_at < ${held.to}` : scopeCondition(scope);
  const positive = sql.join(POSITIVE.map((value) => sql`${value}`), sql`, `);
  const answer = (key: string) => sql`f.quality ->> ${key}`;
  const kpi = STATEMENTS.filter((statement) => statement.kpi).map((statement) => statement.key);
  // One pass over the responses, reading the known statements directly (no jsonb expansion):
  // positive only when every KPI statement was answered with agree or strongly agree.
  const isPositive = sql.join(
    kpi.map((key) => sql`coalesce(${answer(key)} in (${positive}), false)`),
    sql` and `,
  );
  const perStatement = sql.join(
    STATEMENTS.map(
      (statement, index) =>
        sql`count(${answer(statement.key)})::int as ${sql.raw(`s${index}_answered`)}, count(*) filter (where ${answer(statement.key)} in (${positive}))::int as ${sql.raw(`s${index}_positive`)}`,
    ),
    sql`, `,
  );

  const [byPanel, attendance] = await Promise.all([
    queryRows<{ panel_id: string | null; panel_name: string | null; responses: number; positive: number } & Record<string, number>>(
      researchDb(),
      // The matrix is taken out of each response once, in the inner query.
      sql`select f.panel_id, max(f.panel_name) as panel_name, count(*)::int as responses, count(*) filter (where ${isPositive})::int as positive, ${perStatement}
          from (
            select s.panel_id, p.name as panel_name, r.answers -> 'session_quality' as quality
            from survey_responses r
            join panel_sessions s on s.id = r.session_id
            join panels p on p.id = s.panel_id
            where r.survey_id = ${FEEDBACK_SURVEY} and ${inScope}
          ) f
          where jsonb_typeof(f.quality) = 'object'
          group by rollup (f.panel_id)`,
    ),
    queryRows<{ panel_id: string | null; attendees: number }>(
      researchDb(),
      sql`select s.panel_id, count(*)::int as attendees
          from session_participation sp
          join panel_sessions s on s.id = sp.session_id
          join panels p on p.id = s.panel_id
          where sp.attended and ${inScope}
          group by rollup (s.panel_id)`,
    ),
  ]);

  const attendeesOf = new Map(attendance.map((row) => [row.panel_id, row.attendees]));
  const total = byPanel.find((row) => row.panel_id === null);
  const attendees = attendeesOf.get(null) ?? 0;
  const overall = share(total?.responses ?? 0, total?.positive ?? 0, attendees);
  return {
    overall: { ...overall, attendees, metTarget: overall.rate === null ? null : overall.rate >= KPI_TARGET },
    statements: STATEMENTS.map((statement, index) => ({
      key: statement.key,
      label: statement.label,
      ...share(total?.[`s${index}_answered`] ?? 0, total?.[`s${index}_positive`] ?? 0),
    })),
    panels: byPanel
      .filter((row): row is typeof row & { panel_id: string } => row.panel_id !== null)
      .map((row) => ({ panelId: row.panel_id, panelName: row.panel_name ?? '', attendees: attendeesOf.get(row.panel_id) ?? 0, responses: share(row.responses, row.positive, attendeesOf.get(row.panel_id) ?? 0) }))
      .sort((a, b) => a.panelName.localeCompare(b.panelName)),
  };
}
