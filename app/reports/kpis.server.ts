import { DateTime } from 'luxon';
import { descriptorChange, deliveryCounts, eventSatisfaction, guideSatisfaction } from '~/research/kpi-counts.server';
import { KPI_TARGET, sessionFeedbackReport } from '~/research/session-feedback.server';
import { changeKpi, countKpi, shareKpi, type ChangeKpi, type CountKpi, type KpiStatus, type ShareKpi } from './kpis';
import type { Quarter } from './quarters';

export interface QuarterKpis {
  quarter: { key: string; label: string };
  /** 7.1.1.a: workshops, training and direct support. */
  supportQuality: ShareKpi;
  supportUsefulness: ShareKpi;
  /** 7.1.1.b: good-practice materials. */
  guideQuality: ShareKpi;
  guideUsefulness: ShareKpi;
  /** 7.1.1.c: change in descriptor scores against baseline. */
  descriptorsSupported: ChangeKpi;
  descriptorsAll: ChangeKpi;
  /** 7.1.2.b: sessions professional, safe and empowering, out of everyone who attended. */
  sessions: { n: number; attendees: number; share: number | null; status: KpiStatus };
  /** 7.2.2.d–f: delivery. */
  workshops: CountKpi;
  workshopsToDate: CountKpi;
  peerSupport: CountKpi;
  guides: { count: number };
  guidesThisYear: CountKpi;
}

/** The financial year a quarter is in starts on 1 April. */
function yearStart(quarter: Quarter): Date {
  const start = DateTime.fromJSDate(quarter.from, { zone: 'Europe/London' });
  return DateTime.fromObject({ year: start.month >= 4 ? start.year : start.year - 1, month: 4, day: 1 }, { zone: 'Europe/London' }).toJSDate();
}

/** Every indicator for a quarter, counted in SQL. */
export async function quarterKpis(quarter: Quarter): Promise<QuarterKpis> {
  const [support, guides, descriptors, sessions, delivery] = await Promise.all([
    eventSatisfaction(quarter.from, quarter.to),
    guideSatisfaction(quarter.from, quarter.to),
    descriptorChange(quarter.key),
    sessionFeedbackReport({ kind: 'all' }, { from: quarter.from, to: quarter.to }),
    deliveryCounts(quarter.from, quarter.to, yearStart(quarter)),
  ]);
  const rate = sessions.overall.rate;
  return {
    quarter: { key: quarter.key, label: quarter.label },
    supportQuality: shareKpi(support.n, support.quality, { rule: 'over' }),
    supportUsefulness: shareKpi(support.n, support.usefulness, { rule: 'over' }),
    guideQuality: shareKpi(guides.n, guides.quality, { rule: 'over' }),
    guideUsefulness: shareKpi(guides.n, guides.usefulness, { rule: 'over' }),
    descriptorsSupported: changeKpi(descriptors.supportedN, descriptors.supportedChange),
    descriptorsAll: changeKpi(descriptors.allN, descriptors.allChange),
    sessions: { n: sessions.overall.total, attendees: sessions.overall.attendees, share: rate, status: rate === null ? 'too-few' : rate >= KPI_TARGET ? 'met' : 'not-met' },
    workshops: countKpi(delivery.workshops, 1),
    workshopsToDate: countKpi(delivery.workshopsToDate, 8),
    peerSupport: countKpi(delivery.peerSupport, 1),
    guides: { count: delivery.guides },
    guidesThisYear: countKpi(delivery.guidesToDate, 4),
  };
}

/** The indicators for several quarters (newest first), for the trend. */
export function kpiTrend(quarters: Quarter[]): Promise<QuarterKpis[]> {
  return Promise.all(quarters.map(quarterKpis));
}
