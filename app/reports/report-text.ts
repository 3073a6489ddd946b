import type { QuarterlyReport, ReportLevel } from './quarterly.server';

/** Words shared by the page, the Word file and the Excel file, so all three say the same. */
export const SUPPRESSED_MARK = '[c]';

export function reportTitle(report: QuarterlyReport): string {
  return `Family Voice quarterly findings: ${report.quarter.label}`;
}

/** What a report covers, in words: "Family Hubs, by region", "All five programmes, England". */
export function scopeWords(programmeName: string | null, level: ReportLevel): string {
  const areas = level === 'england' ? 'England' : level === 'region' ? 'by region' : 'by local authority';
  return `${programmeName ?? 'All five programmes'}, ${areas}`;
}

export function reportSubtitle(report: QuarterlyReport): string {
  return scopeWords(report.programme?.name ?? null, report.level);
}

export function sectionHeading(section: QuarterlyReport['sections'][number]): string {
  if (section.audience === 'early-years') return `This quarter’s focus: ${section.title}`;
  return `${section.audience === 'young-people' ? 'Young people' : 'Parents and carers'}: ${section.title}`;
}

export function themeHeading(theme: NonNullable<QuarterlyReport['theme']>): string {
  return `This quarter’s theme: ${theme.name}`;
}

export const COMPARE_HEADING = 'What programmes share and where they differ';

/**
 * The comparison in words, from the numbers as shown (a hidden cell counts as not shown): the codes
 * with 10 or more excerpts from every programme, and those shown for one programme only.
 */
export function programmeComparison(compare: NonNullable<NonNullable<QuarterlyReport['theme']>['byCodeAndProgramme']>): string[] {
  const shownIn = compare.rows.map((row) => ({ name: row.name, programmes: compare.programmes.filter((_, index) => row.counts[index] !== null) }));
  const shared = shownIn.filter((row) => row.programmes.length === compare.programmes.length).map((row) => row.name);
  const single = shownIn.filter((row) => row.programmes.length === 1).map((row) => `${row.name} (${row.programmes[0]})`);
  return [
    shared.length > 0 ? `With 10 or more excerpts from every programme: ${shared.join('; ')}.` : 'No code of the theme has 10 or more excerpts from every programme.',
    ...(single.length > 0 ? [`Shown for one programme only (the others had fewer than 10 excerpts, or their numbers are hidden): ${single.join('; ')}.`] : []),
  ];
}

export function themeIntro(theme: NonNullable<QuarterlyReport['theme']>): string {
  const how = theme.chosen ? '' : ' (Annex A’s suggestion for this quarter, until one is chosen)';
  return theme.total === null
    ? `Fewer than 10 excerpts from this quarter are coded with this theme${how}.`
    : `${theme.total} excerpts from this quarter are coded with this theme or the codes under it${how}.`;
}

export function methodNote(report: QuarterlyReport): string[] {
  return [
    'Sources: answers to the common question set and the young people’s set sent in this quarter, and panel sessions held in it.',
    `Each cell shows how many people gave that answer, their share of those who answered, and the change in that share since ${report.previous.label}.`,
    `${SUPPRESSED_MARK} marks a number hidden to protect people’s privacy: fewer than 10 people, or a number that would let a hidden one be worked out from the totals. ${report.suppressed.cells} cells are hidden, ${report.suppressed.secondary} of them for the second reason. Quotes are shown only from codes with at least 10 excerpts.`,
    'Free text was coded by analysts against the project’s codebook; suggestions from the service’s own text analysis are applied only when an analyst accepts them.',
  ];
}

export const percentText = (share: number | null) => (share === null ? '' : `${Math.round(share * 100)}%`);
export const changeText = (value: number | null) => (value === null ? '' : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(Math.round(value * 100))} pts`);

export function reachRows(report: QuarterlyReport): [string, number | null][] {
  return [
    ['Survey responses', report.reach.responses],
    ['Panel sessions held', report.reach.sessions],
    ['People who took part in sessions', report.reach.participants],
    ['Regions reached', report.reach.regions],
    ['Local authorities reached', report.reach.localAuthorities],
  ];
}
