import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '~/auth/guards.server';
import { FilterSelect } from '~/components/filter-select';
import { Pagination } from '~/components/pagination';
import { getCode } from '~/research/codebook.server';
import { codingQueue, QUEUE_PAGE_SIZE } from '~/research/coding.server';
import { excerptView } from '~/research/excerpt-view.server';
import { recentQuarters } from '~/research/periods';
import { queueQuery, readQueueFilters, SOURCE_LABELS, STATUS_LABELS } from '~/research/queue-filters';
import { listProgrammes, listRegions } from '~/research/reference.server';
import { getSession } from '~/research/sessions.server';
import { freeTextQuestionChoices } from '~/surveys/question-labels.server';

export const meta: MetaFunction = () => [{ title: 'Code answers – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'analyst', 'administrator');
  const filters = readQueueFilters(new URL(request.url).searchParams);
  const [queue, programmes, regions, code, session] = await Promise.all([
    codingQueue(filters),
    listProgrammes(),
    listRegions(),
    filters.code ? getCode(filters.code) : undefined,
    filters.session ? getSession(filters.session) : undefined,
  ]);
  const { page, ...rest } = filters;
  return {
    filters: Object.fromEntries(Object.entries(rest).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
    query: queueQuery(filters),
    page,
    first: (page - 1) * QUEUE_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(queue.total / QUEUE_PAGE_SIZE)),
    total: queue.total,
    more: queue.more,
    items: queue.items.map((item) => ({ ...excerptView(item), codes: item.codes, suggestions: item.suggestions })),
    narrowedTo: [code ? `coded as ${code.name}` : null, session ? `from the session “${session.title}”` : null].filter(Boolean).join(' and '),
    choices: {
      quarters: recentQuarters(new Date(), 8).map((quarter) => ({ value: quarter.key, label: quarter.label })),
      programmes: programmes.map((programme) => ({ value: programme.code, label: programme.name })),
      regions: regions.map((region) => ({ value: region.code, label: region.name })),
      questions: freeTextQuestionChoices(),
    },
  };
}

export default function CodingQueue() {
  const { filters, query, page, first, pageCount, total, more, items, narrowedTo, choices } = useLoaderData<typeof loader>();
  const status = filters.status ?? 'uncoded';
  return (
    <>
      <h1 className="govuk-heading-l">Code answers</h1>
      <p className="govuk-body">
        Free-text answers from the question sets and what participants said in panel sessions, newest first. Open one to code it; you can then go
        straight on to the next without the mouse. See also the <Link to="/staff/codebook" className="govuk-link">codebook</Link> and the{' '}
        <Link to="/staff/themes" className="govuk-link">suggested codes and emerging themes</Link>.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <form method="get" aria-label="Filter the excerpts">
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="filter-q">
                Search the text
              </label>
              <div className="govuk-hint" id="filter-q-hint">
                Words are matched in all their forms: “group” finds “groups”. Use quotes for a phrase and - to leave a word out.
              </div>
              <input className="govuk-input" id="filter-q" name="q" type="search" defaultValue={filters.q ?? ''} aria-describedby="filter-q-hint" />
            </div>
            <FilterSelect name="status" label="Coded or not" value={status} options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))} any="Not coded yet" />
            <FilterSelect name="source" label="Source" value={filters.source} options={Object.entries(SOURCE_LABELS).map(([value, label]) => ({ value, label }))} any="Any source" />
            <FilterSelect name="question" label="Question" value={filters.question} options={choices.questions} any="Any question" />
            <FilterSelect name="quarter" label="Quarter" value={filters.quarter} options={choices.quarters} any="Any quarter" />
            <FilterSelect name="programme" label="Programme" value={filters.programme} options={choices.programmes} any="Any programme" />
            <FilterSelect name="region" label="Region" value={filters.region} options={choices.regions} any="Anywhere" />
            {filters.code ? <input type="hidden" name="code" value={filters.code} /> : null}
            {filters.session ? <input type="hidden" name="session" value={filters.session} /> : null}
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Show excerpts
              </button>
              <a className="govuk-link" href="/staff/coding">
                Clear filters
              </a>
            </div>
          </form>
        </div>
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body" role="status">
            {more ? `More than ${total.toLocaleString('en-GB')} excerpts` : total === 1 ? '1 excerpt' : `${total.toLocaleString('en-GB')} excerpts`}
            {narrowedTo ? ` ${narrowedTo}` : ''}
            {pageCount > 1 ? `, page ${page} of ${pageCount}` : ''}.
          </p>
          {items.length === 0 ? <p className="govuk-body">Nothing matches these filters.</p> : null}
          <ol className="govuk-list" aria-label="Excerpts">
            {items.map((item, index) => (
              <li key={item.id} className="app-card">
                <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
                  <Link to={`/staff/coding/${item.id}${query}`} className="govuk-link">
                    Excerpt {first + index + 1}
                    <span className="govuk-visually-hidden">: code it</span>
                  </Link>
                </h2>
                <p className="govuk-body-s govuk-!-margin-bottom-1">{item.source}</p>
                <p className="govuk-body-s govuk-!-margin-bottom-2">
                  {item.quarter} · {item.area}
                </p>
                <p className="govuk-body app-excerpt">{item.text}</p>
                <p className="govuk-body-s govuk-!-margin-bottom-0">
                  {item.codes.length > 0 ? `Coded as ${item.codes.join(', ')}.` : 'Not coded yet.'}
                  {item.suggestions > 0 ? ` ${item.suggestions === 1 ? '1 suggested code' : `${item.suggestions} suggested codes`} to look at.` : ''}
                  {item.quotable ? ' Fit to quote.' : ''}
                </p>
              </li>
            ))}
          </ol>
          <Pagination page={page} pageCount={pageCount} params={filters} label="Excerpt pages" />
        </div>
      </div>
    </>
  );
}
