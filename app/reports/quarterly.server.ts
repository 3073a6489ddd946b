import { PROGRAMMES } from '#db/reference/programmes';
import { AREA_UNKNOWN, answerCounts, codeCounts, ENGLAND, quotableExcerpts, reach, themeCounts, type AnswerCount, type QuestionBase, type ReportScope, type SurveyCounts, type ThemeCounts } from '~/research/report-counts.server';
import { themesOfQuarters } from '~/research/quarter-themes.server';
import { UNDER_TWOS } from '~/research/segments';
import { listLocalAuthorities, listRegions } from '~/research/reference.server';
import { closedQuestions } from '~/surveys/closed-questions';
import { getSurvey, type SurveyDefinition, type SurveyQuestion } from '~/surveys/definitions.server';
import { MIN_CELL, protectTable, protectTotal, quotesAllowed, shownShare } from './disclosure';
import { previousQuarter, type Quarter } from './quarters';

/** The question sets the quarterly report summarises: parents' and carers', then young people's (reported apart, spec 5.17). */
export const REPORTED_SURVEYS = ['common-question-set', 'young-people'] as const;

export type ReportLevel = ReportScope['level'];
export interface ReportRequest {
  quarter: Quarter;
  /** A programme code, or 'all'. */
  programme: string;
  level: ReportLevel;
  regionCode?: string | null;
  laCode?: string | null;
}

export interface ReportCell {
  answer: string;
  count: number | null;
  share: number | null;
  suppressed: boolean;
  /** The change in share from the previous quarter, where both are shown. */
  change: number | null;
}
export interface ReportRow {
  areaCode: string;
  areaName: string;
  base: number | null;
  cells: ReportCell[];
}
export interface ReportTable {
  /** The question's name ("question/row" for a matrix row). */
  question: string;
  title: string;
  /** Whether a respondent could choose more than one answer (shares then add up to more than 100%). */
  multiple: boolean;
  answers: { value: string; label: string }[];
  rows: ReportRow[];
}
export interface ReportSection {
  surveyId: string;
  title: string;
  audience: string;
  responses: number | null;
  tables: ReportTable[];
}
export interface QuarterlyReport {
  quarter: { key: string; label: string };
  previous: { key: string; label: string };
  programme: { code: string; name: string } | null;
  level: ReportLevel;
  reach: { responses: number | null; sessions: number; participants: number | null; regions: number; localAuthorities: number };
  themes: { codedExcerpts: number | null; codes: { name: string; parentName: string | null; count: number | null; share: number | null; quotes: string[] }[] };
  /** The quarter's theme, first in the report: its codes, where its excerpts came from, and quotes. */
  theme: {
    name: string;
    chosen: boolean;
    total: number | null;
    codes: { name: string; depth: number; count: number | null; share: number | null }[];
    byProgramme: { name: string; count: number | null }[];
    byRegion: { name: string; count: number | null }[];
    /**
     * What programmes share and where they differ (all-programme reports only): each code's
     * excerpts by programme, protected as one table whose row and column totals are known.
     */
    byCodeAndProgramme: { programmes: string[]; rows: { name: string; depth: number; counts: (number | null)[] }[] } | null;
    quotes: string[];
  } | null;
  /** The year's quarter on expectant parents and families with children under 2 (spec 5.16). */
  earlyYears: boolean;
  sections: ReportSection[];
  suppressed: { cells: number; secondary: number };
}

interface Table {
  question: string;
  title: string;
  multiple: boolean;
  answers: { value: string; label: string }[];
}

/** The closed questions of a set as report tables: a matrix gives one table per row. */
export function reportTables(survey: SurveyDefinition): Table[] {
  const questions: SurveyQuestion[] = survey.text[survey.locales[0]!]!.pages.flatMap((page) => page.questions);
  return closedQuestions(questions)
    .flatMap((question): Table[] => {
      const answersOf = (choices: { value: string | number; text: string }[]) => choices.map((choice) => ({ value: String(choice.value), label: choice.text }));
      if (question.type === 'matrix') {
        return question.rows.map((row) => ({ question: `${question.name}/${row.value}`, title: `${question.title}: ${row.text}`, multiple: false, answers: answersOf(question.columns) }));
      }
      if (question.type === 'boolean') {
        return [{ question: question.name, title: question.title, multiple: false, answers: [{ value: 'true', label: question.labelTrue ?? 'Yes' }, { value: 'false', label: question.labelFalse ?? 'No' }] }];
      }
      const extra = [question.noneChoice, question.otherChoice].filter((choice): choice is NonNullable<typeof choice> => Boolean(choice));
      return [{ question: question.name, title: question.title, multiple: question.type === 'checkbox' || question.type === 'tagbox', answers: answersOf([...question.choices, ...extra]) }];
    });
}

/** What a report request covers, as the research counts take it: the quarter's bounds, its programme (null for all) and place. */
export function scopeOf(request: Omit<ReportRequest, 'quarter'>, quarter: Quarter): ReportScope {
  return { quarter: quarter.key, from: quarter.from, to: quarter.to, programme: request.programme === 'all' ? null : request.programme, level: request.level, regionCode: request.regionCode ?? null, laCode: request.laCode ?? null };
}

/** Every table of one question set for one period, protected: counts, shares and bases as they may be shown. */
function protectedTables(scope: ReportScope, survey: SurveyDefinition, areaNames: Map<string, string>, { counts, bases }: SurveyCounts): { tables: ReportTable[]; responses: number | null; hidden: number; secondary: number } {
  const tables = reportTables(survey);
  const countOf = new Map(counts.map((row: AnswerCount) => [`${row.area ?? ''}|${row.question}|${row.answer}`, row.count]));
  // Several-answer questions carry their own "answered" rows; for one answer it is the sum of the answers.
  const baseOf = new Map<string, number>();
  for (const row of counts) baseOf.set(`${row.area ?? ''}|${row.question}`, (baseOf.get(`${row.area ?? ''}|${row.question}`) ?? 0) + row.count);
  for (const row of bases as QuestionBase[]) baseOf.set(`${row.area ?? ''}|${row.question}`, row.count);
  // Areas in the table: those with any answer, sorted by name; England (the total) first when there are several.
  const areas = [...new Set([...bases, ...counts].filter((row) => row.area !== null).map((row) => row.area!))].sort((a, b) => (areaNames.get(a) ?? a).localeCompare(areaNames.get(b) ?? b, 'en-GB'));
  // The total row is England's, or the region's or authority's the report is narrowed to; one authority alone needs no total row.
  const rowsFor = scope.level === 'england' ? [ENGLAND] : scope.laCode ? [scope.laCode] : ['', ...areas];
  const totalCode = scope.regionCode ?? ENGLAND;
  const totalName = scope.regionCode ? (areaNames.get(scope.regionCode) ?? scope.regionCode) : 'England';
  let hidden = 0;
  let secondary = 0;
  const result = tables.map((table) => {
    const cells = rowsFor.flatMap((area) => {
      const base = area === ENGLAND ? (baseOf.get(`${ENGLAND}|${table.question}`) ?? 0) : (baseOf.get(`${area}|${table.question}`) ?? 0);
      return table.answers.map((answer) => ({
        row: area,
        column: answer.value,
        count: countOf.get(`${area}|${table.question}|${answer.value}`) ?? 0,
        hidden: base < MIN_CELL,
      }));
    });
    // The England row is the sum of the rows under it, so columns are protected too.
    const protectedCells = protectTable(cells, { rowTotals: true, columnTotals: rowsFor.length > 1 });
    hidden += protectedCells.filter((cell) => cell.suppressed).length;
    secondary += protectedCells.filter((cell) => cell.reason === 'secondary').length;
    const rows: ReportRow[] = rowsFor.map((area) => {
      const base = protectTotal(baseOf.get(`${area === ENGLAND ? ENGLAND : area}|${table.question}`) ?? 0);
      return {
        areaCode: area === '' ? totalCode : area,
        areaName: area === '' ? totalName : area === ENGLAND ? 'England' : area === AREA_UNKNOWN ? 'Area not known' : (areaNames.get(area) ?? area),
        base,
        cells: protectedCells
          .filter((cell) => cell.row === area)
          .map((cell) => ({ answer: cell.column, count: cell.suppressed ? null : cell.count, share: shownShare(cell, base), suppressed: cell.suppressed, change: null })),
      };
    });
    return { question: table.question, title: table.title, multiple: table.multiple, answers: table.answers, rows };
  });
  const responses = protectTotal(Math.max(0, ...[...baseOf].filter(([key]) => key.startsWith('|') || key.startsWith(`${ENGLAND}|`)).map(([, count]) => count)));
  return { tables: result, responses, hidden, secondary };
}

/** One column of counts (by programme or region) protected: small ones hidden, and one more where the total would give a hidden one away. */
function protectColumn(rows: { name: string; count: number }[]): { name: string; count: number | null }[] {
  const cells = protectTable(
    rows.map((row) => ({ row: row.name, column: 'excerpts', count: row.count })),
    { rowTotals: false, columnTotals: true },
  );
  return cells.map((cell) => ({ name: cell.row, count: cell.suppressed ? null : cell.count }));
}

/** The theme's codes against the programmes, every cell through the disclosure rule. */
function compareProgrammes(counted: ThemeCounts): NonNullable<QuarterlyReport['theme']>['byCodeAndProgramme'] {
  const countOf = new Map(counted.byCodeAndProgramme.map((row) => [`${row.codeId}|${row.programme}`, row.count]));
  const cells = protectTable(
    counted.codes.flatMap((code) => PROGRAMMES.map((programme) => ({ row: code.codeId, column: programme.code, count: countOf.get(`${code.codeId}|${programme.code}`) ?? 0 }))),
    // An excerpt usually has one code and one programme, so the codes' and programmes' totals shown
    // elsewhere in the theme section would give a lone hidden cell away.
    { rowTotals: true, columnTotals: true },
  );
  const shown = new Map(cells.map((cell) => [`${cell.row}|${cell.column}`, cell.suppressed ? null : cell.count]));
  return {
    programmes: PROGRAMMES.map((programme) => programme.name),
    rows: counted.codes.map((code) => ({ name: code.name, depth: code.depth, counts: PROGRAMMES.map((programme) => shown.get(`${code.codeId}|${programme.code}`) ?? null) })),
  };
}

async function themeSection(scope: ReportScope, quarterKey: string): Promise<{ theme: QuarterlyReport['theme']; earlyYears: boolean }> {
  const choice = (await themesOfQuarters([quarterKey])).get(quarterKey);
  if (!choice?.codeId || !choice.name) return { theme: null, earlyYears: choice?.earlyYears ?? false };
  const counted = await themeCounts(scope, choice.codeId);
  const total = protectTotal(counted.total);
  const quotes: string[] = [];
  for (const code of counted.codes) {
    if (quotes.length >= 3 || code.quotable === 0 || !quotesAllowed(code.count)) continue;
    for (const excerpt of await quotableExcerpts(scope, code.codeId)) if (quotes.length < 3 && !quotes.includes(excerpt.text)) quotes.push(excerpt.text);
  }
  return {
    earlyYears: choice.earlyYears,
    theme: {
      name: choice.name,
      chosen: !choice.isDefault,
      total,
      codes: counted.codes.map((code) => {
        const count = protectTotal(code.count);
        return { name: code.name, depth: code.depth, count, share: count !== null && total !== null ? count / counted.total : null };
      }),
      byProgramme: protectColumn(counted.byProgramme.map((row) => ({ name: row.name, count: row.count }))),
      byRegion: protectColumn(counted.byRegion.map((row) => ({ name: row.name ?? 'Area not known', count: row.count }))),
      byCodeAndProgramme: scope.programme === null ? compareProgrammes(counted) : null,
      quotes,
    },
  };
}

/**
 * The quarterly report for a quarter, a programme (or all) and a level: headline reach, the codes
 * analysts applied with quotes they chose, and every closed question by area with the change from
 * the previous quarter. Every number goes through the disclosure rule (disclosure.ts) first.
 */
export async function buildQuarterlyReport(request: ReportRequest): Promise<QuarterlyReport> {
  const previous = previousQuarter(request.quarter);
  const scope = scopeOf(request, request.quarter);
  const [regions, las] = await Promise.all([listRegions(), listLocalAuthorities()]);
  const areaNames = new Map<string, string>([...regions.map((region) => [region.code, region.name] as const), ...las.map((la) => [la.code, la.name] as const)]);
  const [reached, coded, themed, counted] = await Promise.all([reach(scope), codeCounts(scope), themeSection(scope, request.quarter.key), answerCounts(scope, REPORTED_SURVEYS, previous.key)]);
  let hidden = 0;
  let secondary = 0;
  const sections: ReportSection[] = [];
  for (const surveyId of REPORTED_SURVEYS) {
    const survey = getSurvey(surveyId);
    if (!survey) continue;
    const now = protectedTables(scope, survey, areaNames, counted.get(`${surveyId}|now`)!);
    const before = protectedTables(scope, survey, areaNames, counted.get(`${surveyId}|before`)!);
    hidden += now.hidden;
    secondary += now.secondary;
    const earlier = new Map(before.tables.flatMap((table) => table.rows.flatMap((row) => row.cells.map((cell) => [`${table.question}|${row.areaCode}|${cell.answer}`, cell.share] as const))));
    for (const table of now.tables) {
      for (const row of table.rows) {
        for (const cell of row.cells) {
          const was = earlier.get(`${table.question}|${row.areaCode}|${cell.answer}`);
          cell.change = cell.share !== null && was !== null && was !== undefined ? cell.share - was : null;
        }
      }
    }
    sections.push({ surveyId, title: survey.text[survey.locales[0]!]!.title, audience: survey.audience, responses: now.responses, tables: now.tables });
    // The year's 0–2 quarter: the parents' answers again, from those expecting or with a child under 2.
    if (themed.earlyYears && surveyId === 'common-question-set') {
      const early = protectedTables(scope, survey, areaNames, (await answerCounts(scope, [surveyId], scope.quarter, UNDER_TWOS.key)).get(`${surveyId}|now`)!);
      hidden += early.hidden;
      secondary += early.secondary;
      sections.push({ surveyId: `${surveyId}:under-2s`, title: 'Expectant parents and families with a child under 2', audience: 'early-years', responses: early.responses, tables: early.tables });
    }
  }
  const codedTotal = protectTotal(coded.codedExcerpts);
  const codes = await Promise.all(
    coded.codes.map(async (code) => {
      const count = protectTotal(code.count);
      return {
        name: code.name,
        parentName: code.parentName,
        count,
        share: count !== null && codedTotal !== null ? count / codedTotal : null,
        // Quotes only where the group they come from is at least 10 people.
        quotes: count !== null && quotesAllowed(code.count) && code.quotable > 0 ? (await quotableExcerpts(scope, code.codeId)).map((excerpt) => excerpt.text) : [],
      };
    }),
  );
  const programme = request.programme === 'all' ? null : (PROGRAMMES.find((entry) => entry.code === request.programme) ?? null);
  return {
    quarter: { key: request.quarter.key, label: request.quarter.label },
    previous: { key: previous.key, label: previous.label },
    programme: programme ? { code: programme.code, name: programme.name } : null,
    level: request.level,
    reach: { responses: protectTotal(reached.responses), sessions: reached.sessions, participants: protectTotal(reached.participants), regions: reached.regions, localAuthorities: reached.localAuthorities },
    themes: { codedExcerpts: codedTotal, codes },
    theme: themed.theme,
    earlyYears: themed.earlyYears,
    sections,
    suppressed: { cells: hidden, secondary },
  };
}
