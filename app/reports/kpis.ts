import { SMALL_NUMBER_THRESHOLD } from '~/research/suppression';

/**
 * The contract's key performance indicators (spec 7.1.1, 7.1.2.b, 7.2.2): pure rules, so the
 * thresholds and their edges are tested on their own.
 */
export type KpiStatus = 'met' | 'not-met' | 'too-few';

export const KPI_STATUS_LABELS: Record<KpiStatus, string> = { met: 'Met', 'not-met': 'Not met', 'too-few': 'Too few responses to say' };

/** 7.1.1.a and b: over 75% satisfied (exactly 75% is not over). 7.1.2.b: a minimum of 75%. */
export const SATISFACTION_THRESHOLD = 0.75;

export interface ShareKpi {
  /** How many answered. */
  n: number;
  /** How many were positive; null when too few answered to show it. */
  positive: number | null;
  share: number | null;
  status: KpiStatus;
}

/**
 * A share against a threshold: `over` (strictly above, "over 75%") or `atLeast` ("a minimum of
 * 75%"). Fewer than the disclosure threshold answering says nothing and shows no count of positives.
 */
export function shareKpi(n: number, positive: number, { threshold = SATISFACTION_THRESHOLD, rule }: { threshold?: number; rule: 'over' | 'atLeast' }): ShareKpi {
  if (n < SMALL_NUMBER_THRESHOLD) return { n, positive: null, share: null, status: 'too-few' };
  const share = positive / n;
  // Compared in whole counts, so 3/4 is exactly 75% however the division rounds.
  const met = rule === 'over' ? positive * 100 > threshold * 100 * n : positive * 100 >= threshold * 100 * n;
  return { n, positive, share, status: met ? 'met' : 'not-met' };
}

export interface ChangeKpi {
  /** Authorities with a baseline in an earlier quarter and a self-assessment in this one. */
  n: number;
  /** The mean change in descriptor score since each one's baseline. */
  change: number | null;
  status: KpiStatus;
}

/** 7.1.1.c: scores are expected to improve: met when the mean change since baseline is above nothing. */
export function changeKpi(n: number, meanChange: number | null): ChangeKpi {
  if (n === 0 || meanChange === null) return { n, change: null, status: 'too-few' };
  return { n, change: meanChange, status: meanChange > 0 ? 'met' : 'not-met' };
}

export interface CountKpi {
  count: number;
  target: number;
  status: KpiStatus;
}

/** A delivery count against its target (at least). */
export function countKpi(count: number, target: number): CountKpi {
  return { count, target, status: count >= target ? 'met' : 'not-met' };
}
