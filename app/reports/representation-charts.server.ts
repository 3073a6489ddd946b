import type { TopLevelSpec } from 'vega-lite';
import type { RepresentationTable } from './representation.server';
import { drawSvg, svgDataUri } from './charts.server';
import { percentText } from './report-text';

/**
 * A chart of a table's first row (England, or the first area): each category's share of those who
 * took part beside its Census 2021 share. Hidden cells and categories with no Census figure are left
 * out of the comparison and said so; the table beside it holds every number.
 */
export async function representationChart(table: RepresentationTable): Promise<{ description: string; uri: string } | null> {
  const row = table.rows[0];
  if (!row) return null;
  const shown = row.cells.filter((cell) => cell.share !== null);
  if (shown.length === 0) return null;
  const values = shown.flatMap((cell) => [
    { category: cell.label, measure: 'Took part', share: cell.share! },
    ...(cell.referenceShare === null ? [] : [{ category: cell.label, measure: 'Census 2021', share: cell.referenceShare }]),
  ]);
  const spec: TopLevelSpec = {
    data: { values },
    mark: { type: 'bar' },
    width: 420,
    encoding: {
      y: { field: 'category', type: 'nominal', sort: null, title: null, axis: { labelLimit: 260, labelFontSize: 12 } },
      yOffset: { field: 'measure', type: 'nominal', sort: ['Took part', 'Census 2021'] },
      x: { field: 'share', type: 'quantitative', title: `Share, ${row.areaName}`, axis: { format: '%' }, scale: { domain: [0, 1] } },
      color: { field: 'measure', type: 'nominal', title: null, scale: { domain: ['Took part', 'Census 2021'], range: ['#1d70b8', '#b1b4b6'] }, legend: { orient: 'bottom' } },
    },
    config: { font: 'Arial', view: { stroke: null } },
  };
  const svg = await drawSvg(spec);
  const hidden = row.cells.filter((cell) => cell.suppressed).length;
  const description = `Bar chart, ${table.label}, ${row.areaName}: ${shown
    .map((cell) => `${cell.label} ${percentText(cell.share)} of those who took part${cell.referenceShare === null ? '' : ` against ${percentText(cell.referenceShare)} of residents`}`)
    .join('; ')}${hidden > 0 ? `; ${hidden} number${hidden === 1 ? '' : 's'} hidden to protect privacy` : ''}.`;
  return { description, uri: svgDataUri(svg) };
}
