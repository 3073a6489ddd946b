import { ScrollingTable } from '~/components/table';
import { FLAG_RULE, SHARES_RULE, type RepresentationCell } from '../representation';
import type { RepresentationReport } from '../representation.server';

const percent = (value: number | null) => (value === null ? '' : `${(value * 100).toFixed(1)}%`);
const ratio = (value: number | null) => (value === null ? '' : value.toFixed(2));

function Flag({ cell }: { cell: RepresentationCell }) {
  if (!cell.flag) return null;
  const colour = cell.flag === 'under-represented' ? 'govuk-tag--red' : cell.flag === 'over-represented' ? 'govuk-tag--blue' : 'govuk-tag--grey';
  return <strong className={`govuk-tag ${colour}`}>{cell.flag}</strong>;
}

/** Who took part, as tables (one per dimension, each with its chart of the first area) and the areas with no one. */
export function RepresentationBody({ report, charts }: { report: RepresentationReport; charts: Record<string, { description: string; uri: string }> }) {
  return (
    <>
      <h2 className="govuk-heading-m">How to read this</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>{SHARES_RULE}</li>
        <li>The ratio is a group’s share of those who took part divided by its share of residents in the Census 2021: 1 means in proportion.</li>
        <li>{FLAG_RULE}</li>
        <li>[c] marks a number not shown: fewer than 10 people, or one that would let a hidden number be worked out.</li>
        <li>Residents are everyone in the area, not only parents and carers, so the comparison is a guide. Source: Office for National Statistics, Census 2021, Open Government Licence v.3.0.</li>
        {report.source === 'all' ? <li>All sources adds survey respondents, panel members and session attendees together: one person may be counted in more than one.</li> : null}
      </ul>

      {report.trend.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Quarter by quarter</h2>
          <p className="govuk-body">For each comparison, the lowest ratio among its groups: the group furthest below its share of residents. Nearer 1 is better.</p>
          <ScrollingTable
            label="The lowest ratio, quarter by quarter"
            caption="The lowest ratio, quarter by quarter"
            columns={['Comparison', ...report.trend[0]!.points.map((point) => ({ label: point.quarter, numeric: true as const }))]}
          >
            {report.trend.map((line) => (
              <tr className="govuk-table__row" key={line.dimension}>
                <th scope="row" className="govuk-table__header">
                  {line.label}
                </th>
                {line.points.map((point) => (
                  <td className="govuk-table__cell govuk-table__cell--numeric" key={point.quarter}>
                    {point.lowestRatio === null ? 'not shown' : ratio(point.lowestRatio)}
                  </td>
                ))}
              </tr>
            ))}
          </ScrollingTable>
        </>
      ) : null}

      <h2 className="govuk-heading-m">Young people</h2>
      <p className="govuk-body">
        {report.youngPeople === null
          ? 'Fewer than 10 young people answered their own question set this quarter.'
          : `${report.youngPeople.toLocaleString('en-GB')} young people answered their own question set this quarter; their answers are reported apart from parents’ in the quarterly findings.`}
      </p>

      <h2 className="govuk-heading-m">Where no one took part</h2>
      <p className="govuk-body">
        {report.footprint === null ? 'Every local authority counts: no footprint has been set for this programme.' : `The programme’s footprint: ${report.footprint} local authorities.`}
      </p>
      {report.coverage.regionsWithNone.length === 0 && report.coverage.lasWithNone.length === 0 ? (
        <p className="govuk-body">Someone took part in every area covered.</p>
      ) : (
        <>
          {report.coverage.regionsWithNone.length > 0 ? <p className="govuk-body">Regions with no one: {report.coverage.regionsWithNone.map((region) => region.name).join(', ')}.</p> : null}
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">{report.coverage.lasWithNone.length} local authorities with no one</span>
            </summary>
            <div className="govuk-details__text">
              <ul className="govuk-list">
                {report.coverage.lasWithNone.map((la) => (
                  <li key={la.code}>
                    {la.name} ({la.regionName})
                  </li>
                ))}
              </ul>
            </div>
          </details>
        </>
      )}

      {report.tables.map((table) => (
        <section key={table.dimension} aria-labelledby={`dimension-${table.dimension}`}>
          <h2 className="govuk-heading-m" id={`dimension-${table.dimension}`}>
            {table.label}
          </h2>
          {table.notes.map((note) => (
            <p className="govuk-body-s" key={note}>
              {note}
            </p>
          ))}
          {charts[table.dimension] ? (
            <figure className="app-chart">
              <img src={charts[table.dimension]!.uri} alt={charts[table.dimension]!.description} />
              <figcaption className="govuk-body-s">A chart of the first area in the table below.</figcaption>
            </figure>
          ) : null}
          <ScrollingTable
            label={table.label}
            columns={['Area', 'Answer', { label: 'People', numeric: true }, { label: 'Share', numeric: true }, { label: 'Census share', numeric: true }, { label: 'Ratio (95% interval)', numeric: true }, 'Flag']}
          >
            {table.rows.flatMap((row) =>
              row.cells.map((cell, index) => (
                <tr className="govuk-table__row" key={`${row.source}|${row.areaCode}|${cell.category}`}>
                  {index === 0 ? (
                    <th scope="rowgroup" rowSpan={row.cells.length} className="govuk-table__header">
                      {row.areaName}
                      <br />
                      <span className="govuk-body-s">{row.total === null ? 'fewer than 10 people' : `${row.total.toLocaleString('en-GB')} people`}</span>
                    </th>
                  ) : null}
                  <td className="govuk-table__cell">{cell.label}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{cell.suppressed ? '[c]' : (cell.count ?? '')}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{cell.suppressed ? '[c]' : percent(cell.share)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{percent(cell.referenceShare)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{cell.ratio === null ? '' : `${ratio(cell.ratio)} (${ratio(cell.ratioLow)}–${ratio(cell.ratioHigh)})`}</td>
                  <td className="govuk-table__cell">
                    <Flag cell={cell} />
                  </td>
                </tr>
              )),
            )}
          </ScrollingTable>
        </section>
      ))}
    </>
  );
}
