import { ScrollingTable } from '~/components/table';
import type { QuarterlyReport } from '../quarterly.server';
import { changeText, COMPARE_HEADING, methodNote, percentText, programmeComparison, reachRows, sectionHeading, themeHeading, themeIntro } from '../report-text';

/**
 * The body of a quarterly report as a page: reach, codes and quotes, every table, the method note.
 * Staff read it live and everyone reads a published version; it needs no JavaScript.
 */
export function ReportBody({ report, charts = {} }: { report: QuarterlyReport; charts?: Record<string, { description: string; uri: string }> }) {
  return (
    <>
      <h2 className="govuk-heading-m">Who we heard from</h2>
      <dl className="govuk-summary-list">
        {reachRows(report).map(([label, value]) => (
          <div className="govuk-summary-list__row" key={String(label)}>
            <dt className="govuk-summary-list__key">{label}</dt>
            <dd className="govuk-summary-list__value">{value === null ? 'Fewer than 10' : Number(value).toLocaleString('en-GB')}</dd>
          </div>
        ))}
      </dl>

      {report.theme ? (
        <section aria-labelledby="theme-heading">
          <h2 className="govuk-heading-m" id="theme-heading">
            {themeHeading(report.theme)}
          </h2>
          <p className="govuk-body">{themeIntro(report.theme)}</p>
          <ScrollingTable label="The theme’s codes" caption="The theme’s codes" columns={['Code', { label: 'Excerpts', numeric: true }, { label: 'Share of the theme', numeric: true }]}>
            {report.theme.codes.map((code) => (
              <tr className="govuk-table__row" key={code.name}>
                <td className="govuk-table__cell">
                  <span className={code.depth > 0 ? `app-code-depth-${Math.min(code.depth, 2)}` : undefined}>{code.name}</span>
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{code.count === null ? '[c]' : code.count}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{percentText(code.share)}</td>
              </tr>
            ))}
          </ScrollingTable>
          <div className="govuk-grid-row">
            {(
              [
                ['By programme', report.theme.byProgramme],
                ['By region', report.theme.byRegion],
              ] as const
            ).map(([caption, rows]) => (
              <div className="govuk-grid-column-one-half" key={caption}>
                <ScrollingTable label={`The theme ${caption.toLowerCase()}`} caption={caption} columns={[caption === 'By programme' ? 'Programme' : 'Region', { label: 'Excerpts', numeric: true }]}>
                  {rows.map((row) => (
                    <tr className="govuk-table__row" key={row.name}>
                      <td className="govuk-table__cell">{row.name}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{row.count === null ? '[c]' : row.count}</td>
                    </tr>
                  ))}
                </ScrollingTable>
              </div>
            ))}
          </div>
          {report.theme.byCodeAndProgramme ? (
            <>
              <h3 className="govuk-heading-s">{COMPARE_HEADING}</h3>
              {programmeComparison(report.theme.byCodeAndProgramme).map((sentence) => (
                <p className="govuk-body" key={sentence}>
                  {sentence}
                </p>
              ))}
              <ScrollingTable
                label="The theme’s codes by programme"
                caption="Excerpts by code and programme"
                columns={['Code', ...report.theme.byCodeAndProgramme.programmes.map((name) => ({ label: name, numeric: true as const }))]}
              >
                {report.theme.byCodeAndProgramme.rows.map((row) => (
                  <tr className="govuk-table__row" key={row.name}>
                    <td className="govuk-table__cell">
                      <span className={row.depth > 0 ? `app-code-depth-${Math.min(row.depth, 2)}` : undefined}>{row.name}</span>
                    </td>
                    {row.counts.map((count, index) => (
                      <td className="govuk-table__cell govuk-table__cell--numeric" key={index}>
                        {count === null ? '[c]' : count}
                      </td>
                    ))}
                  </tr>
                ))}
              </ScrollingTable>
            </>
          ) : null}
          {report.theme.quotes.map((quote) => (
            <blockquote className="govuk-body app-excerpt" key={quote}>
              {quote}
            </blockquote>
          ))}
        </section>
      ) : null}

      <h2 className="govuk-heading-m">What families talked about</h2>
      {report.themes.codes.length === 0 ? (
        <p className="govuk-body">No answers or transcripts from this quarter have been coded yet.</p>
      ) : (
        <>
          <p className="govuk-body">
            The codes analysts applied to free-text answers and session transcripts from this quarter
            {report.themes.codedExcerpts === null ? '' : ` (${report.themes.codedExcerpts.toLocaleString('en-GB')} coded excerpts)`}, with quotes they chose as fit
            to share.
          </p>
          <ScrollingTable label="Codes" caption="Codes applied this quarter" columns={['Code', { label: 'Excerpts', numeric: true }, { label: 'Share', numeric: true }]}>
            {report.themes.codes.map((code) => (
              <tr className="govuk-table__row" key={code.name}>
                <td className="govuk-table__cell">
                  {code.name}
                  {code.parentName ? <span className="govuk-body-s"> ({code.parentName})</span> : null}
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{code.count === null ? '[c]' : code.count}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{percentText(code.share)}</td>
              </tr>
            ))}
          </ScrollingTable>
          {report.themes.codes
            .filter((code) => code.quotes.length > 0)
            .map((code) => (
              <div key={code.name}>
                <h3 className="govuk-heading-s">In their words: {code.name}</h3>
                {code.quotes.map((quote) => (
                  <blockquote className="govuk-body app-excerpt" key={quote}>
                    {quote}
                  </blockquote>
                ))}
              </div>
            ))}
        </>
      )}

      {report.sections.map((section) => (
        <section key={section.surveyId} aria-labelledby={`section-${section.surveyId}`}>
          <h2 className="govuk-heading-m" id={`section-${section.surveyId}`}>
            {sectionHeading(section)}
          </h2>
          <p className="govuk-body">{section.responses === null ? 'Fewer than 10 responses: the tables are not shown.' : `${section.responses.toLocaleString('en-GB')} responses.`}</p>
          {section.responses === null
            ? null
            : section.tables.map((table) => (
                <div key={table.question}>
                  {charts[`${section.surveyId}|${table.question}`] ? (
                    <figure className="app-chart">
                      <img src={charts[`${section.surveyId}|${table.question}`]!.uri} alt={charts[`${section.surveyId}|${table.question}`]!.description} />
                      <figcaption className="govuk-body-s">A chart of the first row of the table below.</figcaption>
                    </figure>
                  ) : null}
                  <ScrollingTable
                    label={table.title}
                    caption={`${table.title}${table.multiple ? ' (more than one answer could be chosen)' : ''}`}
                    columns={['Area', { label: 'Answered', numeric: true }, ...table.answers.map((answer) => ({ label: answer.label, numeric: true as const }))]}
                  >
                    {table.rows.map((row) => (
                      <tr className="govuk-table__row" key={row.areaCode}>
                        <th scope="row" className="govuk-table__header">
                          {row.areaName}
                        </th>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{row.base === null ? '[c]' : row.base}</td>
                        {row.cells.map((cell) => (
                          <td className="govuk-table__cell govuk-table__cell--numeric" key={cell.answer}>
                            {cell.suppressed ? (
                              '[c]'
                            ) : (
                              <>
                                {cell.count} ({percentText(cell.share)})
                                {cell.change !== null ? <span className="govuk-body-s govuk-!-display-block">{changeText(cell.change)}</span> : null}
                              </>
                            )}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </ScrollingTable>
                </div>
              ))}
        </section>
      ))}

      <h2 className="govuk-heading-m">How these findings were made</h2>
      <ul className="govuk-list govuk-list--bullet">
        {methodNote(report).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}
