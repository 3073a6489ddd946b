import { KPI_STATUS_LABELS, type ChangeKpi, type CountKpi, type KpiStatus, type ShareKpi } from './kpis';
import type { QuarterKpis } from './kpis.server';

/** One indicator across quarters, as the dashboard and its Excel download show it. */
export interface KpiLine {
  id: string;
  label: string;
  target: string;
  cells: { quarter: string; n: string; value: string; status: KpiStatus; statusLabel: string }[];
}

const percent = (share: number) => `${(Math.round(share * 1000) / 10).toLocaleString('en-GB')}%`;
const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(2)}`;

function shareCell(kpi: ShareKpi, unit: string) {
  return { n: `${kpi.n} ${unit}`, value: kpi.share === null ? 'Not shown' : `${percent(kpi.share)} (${kpi.positive} of ${kpi.n})`, status: kpi.status };
}
function changeCell(kpi: ChangeKpi) {
  return { n: `${kpi.n} ${kpi.n === 1 ? 'authority' : 'authorities'}`, value: kpi.change === null ? 'No change to measure yet' : signed(kpi.change), status: kpi.status };
}
function countCell(kpi: CountKpi) {
  return { n: '', value: String(kpi.count), status: kpi.status };
}

const LINES: { id: string; label: string; target: string; cell: (kpis: QuarterKpis) => { n: string; value: string; status: KpiStatus } }[] = [
  { id: '7.1.1.a-quality', label: '7.1.1.a Workshops, training and direct support: satisfied with the quality', target: 'Over 75% rate it 4 or 5', cell: (k) => shareCell(k.supportQuality, 'answered') },
  { id: '7.1.1.a-usefulness', label: '7.1.1.a Workshops, training and direct support: satisfied with the usefulness', target: 'Over 75% rate it 4 or 5', cell: (k) => shareCell(k.supportUsefulness, 'answered') },
  { id: '7.1.1.b-quality', label: '7.1.1.b Good-practice materials: satisfied with the quality', target: 'Over 75% rate it 4 or 5', cell: (k) => shareCell(k.guideQuality, 'ratings') },
  { id: '7.1.1.b-usefulness', label: '7.1.1.b Good-practice materials: satisfied with the usefulness', target: 'Over 75% rate it 4 or 5', cell: (k) => shareCell(k.guideUsefulness, 'ratings') },
  { id: '7.1.1.c-supported', label: '7.1.1.c Family Voice descriptor: change since baseline, authorities given direct support', target: 'Improved (mean change above 0)', cell: (k) => changeCell(k.descriptorsSupported) },
  { id: '7.1.1.c-all', label: '7.1.1.c Family Voice descriptor: change since baseline, all authorities', target: 'Improved (mean change above 0)', cell: (k) => changeCell(k.descriptorsAll) },
  {
    id: '7.1.2.b',
    label: '7.1.2.b Participants who said sessions were professional, safe and empowering',
    target: 'At least 75% of those who attended',
    cell: (k) => ({ n: `${k.sessions.attendees} attended, ${k.sessions.n} answered`, value: k.sessions.share === null ? 'Not shown' : percent(k.sessions.share), status: k.sessions.status }),
  },
  { id: '7.2.2.d-quarter', label: '7.2.2.d Workshops and training held in the quarter', target: 'At least 1 a quarter', cell: (k) => countCell(k.workshops) },
  { id: '7.2.2.d-total', label: '7.2.2.d Workshops and training held since the start', target: 'At least 8 in all', cell: (k) => countCell(k.workshopsToDate) },
  { id: '7.2.2.e', label: '7.2.2.e Peer support groups attended in the quarter', target: 'At least 1 a quarter', cell: (k) => countCell(k.peerSupport) },
  { id: '7.2.2.f', label: '7.2.2.f Good-practice guides published this year, to the quarter’s end', target: 'At least 4 a year', cell: (k) => countCell(k.guidesThisYear) },
];

export function kpiLines(trend: QuarterKpis[]): KpiLine[] {
  return LINES.map((line) => ({
    id: line.id,
    label: line.label,
    target: line.target,
    cells: trend.map((kpis) => {
      const cell = line.cell(kpis);
      return { quarter: kpis.quarter.key, ...cell, statusLabel: KPI_STATUS_LABELS[cell.status] };
    }),
  }));
}
