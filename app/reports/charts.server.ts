import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { QuarterlyReport, ReportTable } from './quarterly.server';
import { percentText } from './report-text';

export interface Chart {
  title: string;
  /** What the chart shows, in words: its alternative text. */
  description: string;
  svg: string;
}

/** A vega-lite chart drawn as SVG on the server (vega's SVG renderer needs no canvas). */
export async function drawSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * A bar chart of a table's first row (England, or the area the report covers): the share giving each
 * answer, hidden answers left out and said so. Drawn on the server as SVG by vega-lite, which needs
 * no canvas; the table beside it holds the same numbers.
 */
export async function tableChart(table: ReportTable): Promise<Chart | null> {
  const row = table.rows[0];
  if (!row || row.base === null) return null;
  const shown = row.cells.filter((cell) => !cell.suppressed && cell.share !== null);
  if (shown.length === 0) return null;
  const label = new Map(table.answers.map((answer) => [answer.value, answer.label]));
  const values = shown.map((cell) => ({ answer: label.get(cell.answer) ?? cell.answer, share: cell.share! }));
  const hidden = row.cells.length - shown.length;
  const spec: TopLevelSpec = {
    data: { values },
    mark: { type: 'bar', color: '#1d70b8' },
    width: 420,
    encoding: {
      y: { field: 'answer', type: 'nominal', sort: null, title: null, axis: { labelLimit: 260, labelFontSize: 12 } },
      x: { field: 'share', type: 'quantitative', title: `Share of the ${row.base} who answered, ${row.areaName}`, axis: { format: '%' }, scale: { domain: [0, 1] } },
    },
    config: { font: 'Arial', view: { stroke: null } },
  };
  const svg = await drawSvg(spec);
  const description = `Bar chart, ${row.areaName}: ${values.map((value) => `${value.answer} ${percentText(value.share)}`).join('; ')}${hidden > 0 ? `; ${hidden} answer${hidden === 1 ? '' : 's'} hidden to protect privacy` : ''}.`;
  return { title: table.title, description, svg };
}

/** Every table's chart, keyed by section and question. */
export async function reportCharts(report: QuarterlyReport): Promise<Map<string, Chart>> {
  const charts = new Map<string, Chart>();
  for (const section of report.sections) {
    for (const table of section.tables) {
      const chart = await tableChart(table);
      if (chart) charts.set(`${section.surveyId}|${table.question}`, chart);
    }
  }
  return charts;
}

/** A chart as a PNG, for the Word file (Word's own SVG support needs a picture to fall back on anyway). */
export function chartPng(chart: Chart): { data: Buffer; width: number; height: number } {
  const image = new Resvg(chart.svg, { fitTo: { mode: 'width', value: 840 }, font: { loadSystemFonts: true, defaultFontFamily: 'Arial' } }).render();
  return { data: Buffer.from(image.asPng()), width: image.width, height: image.height };
}

export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The charts as data addresses for the page's images, with their descriptions (the images' alternative text). */
export async function chartUris(report: QuarterlyReport): Promise<Record<string, { description: string; uri: string }>> {
  return Object.fromEntries([...(await reportCharts(report))].map(([key, chart]) => [key, { description: chart.description, uri: svgDataUri(chart.svg) }]));
}

const published = new Map<string, Record<string, { description: string; uri: string }>>();

/**
 * A published version's charts, drawn once per process: a published version never changes, and
 * drawing forty charts for every visitor would let anyone keep the server busy.
 */
export async function publishedChartUris(publishedId: string, report: QuarterlyReport): Promise<Record<string, { description: string; uri: string }>> {
  const cached = published.get(publishedId);
  if (cached) return cached;
  const charts = await chartUris(report);
  if (published.size >= 50) published.delete(published.keys().next().value!);
  published.set(publishedId, charts);
  return charts;
}
