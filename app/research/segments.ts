/**
 * Groups of respondents a report shows on their own, told by one of their answers. Their answers are
 * tallied under the segment's key as they are stored (tallies.server.ts), so the section costs a
 * report no more than the whole.
 */
export interface ReportSegment {
  key: string;
  question: string;
  answer: string;
}

/** Expecting, or with a child under 2: the year's 0–2 quarter (specification 5.16). */
export const UNDER_TWOS: ReportSegment = { key: 'under-2s', question: 'pregnancy_or_under2', answer: 'yes' };

export const REPORT_SEGMENTS: readonly ReportSegment[] = [UNDER_TWOS];

/** The tallies' segment for everyone. */
export const EVERYONE = '';

/**
 * The tallies' programme for every response, whatever its programmes: a response is counted once
 * under each of its programmes and once under this, so a report for one programme or for all reads
 * only its own rows.
 */
export const ALL_PROGRAMMES = 'all';
