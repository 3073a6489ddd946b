import { sql } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import { queryRows } from '#db/store';
import { EVENT_FEEDBACK_SURVEY, WORKSHOP_KINDS } from './event-kinds';

const list = (values: readonly string[]) => sql`${`{${values.join(',')}}`}::text[]`;

export interface Satisfaction {
  n: number;
  quality: number;
  usefulness: number;
}

/** 7.1.1.a: feedback on workshops, training and direct support held in the period (peer support groups are others' meetings). */
export async function eventSatisfaction(from: Date, to: Date): Promise<Satisfaction> {
  const [row] = await queryRows<Satisfaction>(
    researchDb(),
    sql`select count(*)::int as n,
          count(*) filter (where r.answers ->> 'quality' in ('4', '5'))::int as quality,
          count(*) filter (where r.answers ->> 'usefulness' in ('4', '5'))::int as usefulness
        from survey_responses r join events e on e.id = r.event_id
        where r.survey_id = ${EVENT_FEEDBACK_SURVEY} and e.kind <> 'peer-support' and e.held_on >= ${from.toISOString()}::timestamptz and e.held_on < ${to.toISOString()}::timestamptz`,
  );
  return row ?? { n: 0, quality: 0, usefulness: 0 };
}

/** 7.1.1.b: officers' ratings of good-practice guides given (or last changed) in the period. */
export async function guideSatisfaction(from: Date, to: Date): Promise<Satisfaction> {
  const [row] = await queryRows<Satisfaction>(
    researchDb(),
    sql`select count(*)::int as n, count(*) filter (where quality >= 4)::int as quality, count(*) filter (where usefulness >= 4)::int as usefulness
        from guide_ratings where rated_on >= ${from.toISOString()}::timestamptz and rated_on < ${to.toISOString()}::timestamptz`,
  );
  return row ?? { n: 0, quality: 0, usefulness: 0 };
}

export interface DescriptorChange {
  supportedN: number;
  supportedChange: number | null;
  allN: number;
  allChange: number | null;
}

/**
 * 7.1.1.c: for authorities that assessed themselves in the quarter and had a baseline (their first
 * self-assessment) in an earlier one, the mean change since the baseline: supported ones and all.
 */
export async function descriptorChange(quarter: string): Promise<DescriptorChange> {
  const [row] = await queryRows<DescriptorChange>(
    researchDb(),
    sql`with base as (select distinct on (la_code) la_code, quarter, score from ehsg_assessments order by la_code, quarter),
        latest as (select la_code, score from ehsg_assessments where quarter = ${quarter})
        select count(*) filter (where s.la_code is not null)::int as "supportedN",
          avg(latest.score - base.score) filter (where s.la_code is not null)::float8 as "supportedChange",
          count(*)::int as "allN", avg(latest.score - base.score)::float8 as "allChange"
        from latest join base on base.la_code = latest.la_code and base.quarter < ${quarter}
        left join supported_authorities s on s.la_code = latest.la_code`,
  );
  return row ?? { supportedN: 0, supportedChange: null, allN: 0, allChange: null };
}

export interface DeliveryCounts {
  workshops: number;
  workshopsToDate: number;
  peerSupport: number;
  guides: number;
  guidesToDate: number;
}

/**
 * Delivery in the period: workshops and training held (and since the start, up to its end), peer
 * support groups attended, and new guides published (a guide counts once, at its first version).
 * `yearFrom` starts the count of guides "this year".
 */
export async function deliveryCounts(from: Date, to: Date, yearFrom: Date): Promise<DeliveryCounts> {
  const f = from.toISOString();
  const t = to.toISOString();
  const [row] = await queryRows<DeliveryCounts>(
    researchDb(),
    sql`with first_versions as (select guide_id, min(published_at) as published_at from guide_versions group by guide_id)
        select
          (select count(*)::int from events where kind = any(${list(WORKSHOP_KINDS)}) and held_on >= ${f}::timestamptz and held_on < ${t}::timestamptz) as workshops,
          (select count(*)::int from events where kind = any(${list(WORKSHOP_KINDS)}) and held_on < ${t}::timestamptz) as "workshopsToDate",
          (select count(*)::int from events where kind = 'peer-support' and held_on >= ${f}::timestamptz and held_on < ${t}::timestamptz) as "peerSupport",
          (select count(*)::int from first_versions where published_at >= ${f}::timestamptz and published_at < ${t}::timestamptz) as guides,
          (select count(*)::int from first_versions where published_at >= ${yearFrom.toISOString()}::timestamptz and published_at < ${t}::timestamptz) as "guidesToDate"`,
  );
  return row ?? { workshops: 0, workshopsToDate: 0, peerSupport: 0, guides: 0, guidesToDate: 0 };
}
