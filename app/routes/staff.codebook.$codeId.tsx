import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary, type FieldError } from '~/components/error-summary';
import { SelectField } from '~/components/select-field';
import { SuccessBanner } from '~/components/success-banner';
import { ScrollingTable } from '~/components/table';
import { TextInput } from '~/components/text-input';
import { recordAudit } from '~/governance/audit.server';
import { CODE_STATUS_LABELS, codeEventText, codeOption } from '~/research/code-labels';
import { codeHistory, CodebookError, getCode, listCodebook, mergeCode, mergeCodeSchema, renameCode, renameCodeSchema, setCodeRetired } from '~/research/codebook.server';
import { codingQueue } from '~/research/coding.server';
import { excerptView } from '~/research/excerpt-view.server';
import { queueFiltersSchema } from '~/research/queue-filters';
import { codeBreakdown } from '~/research/themes.server';
import { parseForm } from '~/utils/form';

export const meta: MetaFunction = () => [{ title: 'Code – Family Voice' }];

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'analyst', 'administrator');
  const code = await getCode(params.codeId ?? '');
  if (!code) throw new Response('Not found', { status: 404 });
  const [breakdown, evidence, history, all] = await Promise.all([
    codeBreakdown(code.id),
    codingQueue(queueFiltersSchema.parse({ code: code.id, status: 'all' })),
    codeHistory(code.id),
    listCodebook({ includeMerged: true }),
  ]);
  const names = new Map(all.map((entry) => [entry.id, entry.name]));
  return {
    code: {
      id: code.id,
      name: code.name,
      description: code.description,
      terms: code.terms,
      status: code.status,
      parent: code.parentId ? { id: code.parentId, name: names.get(code.parentId) ?? '' } : null,
      mergedInto: code.mergedInto ? { id: code.mergedInto, name: names.get(code.mergedInto) ?? '' } : null,
    },
    breakdown,
    excerpts: evidence.items.slice(0, 10).map(excerptView),
    history: history.map((event) => ({ id: event.id, when: dateFormat.format(event.at), text: codeEventText(event.kind, event.details) })),
    mergeTargets: [
      { value: '', label: 'Choose a code' },
      ...all.filter((entry) => entry.id !== code.id && entry.status !== 'merged').map(codeOption),
    ],
  };
}

const intentSchema = z.object({ intent: z.enum(['rename', 'retire', 'reinstate', 'merge']) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'analyst', 'administrator');
  const form = await request.formData();
  await requireCsrf(request, form);
  const code = await getCode(params.codeId ?? '');
  if (!code) throw new Response('Not found', { status: 404 });
  const intent = intentSchema.safeParse({ intent: form.get('intent') });
  if (!intent.success) return { errors: [{ field: 'name', message: 'Choose what to do with the code' }] satisfies FieldError[] };
  const audit = (what: string, details: Record<string, unknown> = {}) => recordAudit({ who: user.id, what, subjectType: 'code', subjectId: code.id, correlationId: context.requestId, details });
  try {
    switch (intent.data.intent) {
      case 'rename': {
        const parsed = parseForm(renameCodeSchema, form);
        if (!parsed.ok) return { errors: parsed.errors };
        await renameCode(code.id, parsed.data.name);
        await audit('codes.rename');
        throw redirect(`/staff/codebook/${code.id}?done=renamed`);
      }
      case 'retire':
      case 'reinstate':
        await setCodeRetired(code.id, intent.data.intent === 'retire');
        await audit(intent.data.intent === 'retire' ? 'codes.retire' : 'codes.reinstate');
        throw redirect(`/staff/codebook/${code.id}?done=${intent.data.intent}d`);
      case 'merge': {
        const parsed = parseForm(mergeCodeSchema, form);
        if (!parsed.ok) return { errors: parsed.errors };
        const { moved } = await mergeCode(code.id, parsed.data.targetId);
        await audit('codes.merge', { into: parsed.data.targetId, moved });
        throw redirect(`/staff/codebook/${parsed.data.targetId}?done=merged`);
      }
    }
  } catch (error) {
    if (error instanceof CodebookError) return { errors: [{ field: error.field === 'status' ? 'name' : error.field, message: error.message }] satisfies FieldError[] };
    throw error;
  }
}

const DONE: Record<string, string> = {
  added: 'Code added.',
  renamed: 'Code renamed.',
  retired: 'Code retired: it stays on its excerpts but is no longer offered.',
  reinstated: 'Code brought back into use.',
  merged: 'Codes merged: the excerpts of the merged code are now under this one.',
  adopted: 'Theme made into a code. Its excerpts now suggest it: accept or reject each in the coding queue.',
};

export default function CodePage() {
  const { code, breakdown, excerpts, history, mergeTargets } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors ?? [];
  const [search] = useSearchParams();
  const done = DONE[search.get('done') ?? (search.get('added') ? 'added' : '')];
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  const live = code.status !== 'merged';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/codebook" className="govuk-back-link">
          Back to the codebook
        </Link>
        <ErrorSummary errors={errors} />
        {done ? <SuccessBanner message={done} /> : null}
        <span className="govuk-caption-l">{code.parent ? `Under ${code.parent.name}` : 'Codebook'}</span>
        <h1 className="govuk-heading-l">{code.name}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Status</dt>
            <dd className="govuk-summary-list__value">
              {CODE_STATUS_LABELS[code.status] ?? code.status}
              {code.mergedInto ? (
                <>
                  {' '}
                  into{' '}
                  <Link to={`/staff/codebook/${code.mergedInto.id}`} className="govuk-link">
                    {code.mergedInto.name}
                  </Link>
                </>
              ) : null}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">What it covers</dt>
            <dd className="govuk-summary-list__value">{code.description || 'Not described'}</dd>
          </div>
          {code.terms.length > 0 ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Words expected under it</dt>
              <dd className="govuk-summary-list__value">{code.terms.join(', ')}</dd>
            </div>
          ) : null}
        </dl>

        <h2 className="govuk-heading-m">The evidence behind it</h2>
        <p className="govuk-body">
          {breakdown.total === 1 ? '1 excerpt is' : `${breakdown.total.toLocaleString('en-GB')} excerpts are`} coded with it, {breakdown.quotable.toLocaleString('en-GB')} fit to quote.{' '}
          {breakdown.total > 0 ? (
            <Link to={`/staff/coding?code=${code.id}&status=all`} className="govuk-link">
              Open all its excerpts
            </Link>
          ) : null}
        </p>
        {breakdown.total > 0 ? (
          <>
            <ScrollingTable label="By source" caption="By source" columns={['Source', { label: 'Excerpts', numeric: true }]}>
              {breakdown.bySource.map((row) => (
                <tr className="govuk-table__row" key={row.source}>
                  <td className="govuk-table__cell">{row.source === 'transcript' ? 'Session transcripts and notes' : 'Survey answers'}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{row.count}</td>
                </tr>
              ))}
            </ScrollingTable>
            <ScrollingTable label="By programme" caption="By programme" columns={['Programme', { label: 'Excerpts', numeric: true }]}>
              {breakdown.byProgramme.map((row) => (
                <tr className="govuk-table__row" key={row.code}>
                  <td className="govuk-table__cell">{row.name}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{row.count}</td>
                </tr>
              ))}
            </ScrollingTable>
            <ScrollingTable label="By region" caption="By region" columns={['Region', { label: 'Excerpts', numeric: true }]}>
              {breakdown.byRegion.map((row) => (
                <tr className="govuk-table__row" key={row.code ?? 'none'}>
                  <td className="govuk-table__cell">{row.name ?? 'Area not known'}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{row.count}</td>
                </tr>
              ))}
            </ScrollingTable>
            <h3 className="govuk-heading-s">The newest excerpts</h3>
            <ul className="govuk-list">
              {excerpts.map((excerpt) => (
                <li key={excerpt.id} className="app-card">
                  <p className="govuk-body-s govuk-!-margin-bottom-1">{excerpt.source}</p>
                  <p className="govuk-body-s govuk-!-margin-bottom-2">
                    {excerpt.quarter} · {excerpt.area}
                    {excerpt.quotable ? ' · fit to quote' : ''}
                  </p>
                  <p className="govuk-body app-excerpt">{excerpt.text}</p>
                </li>
              ))}
            </ul>
          </>
        ) : null}

        {live ? (
          <>
            <h2 className="govuk-heading-m">Change the code</h2>
            <Form method="post" noValidate>
              <CsrfInput />
              <TextInput name="name" label="Rename it" error={errorFor('name')} defaultValue={code.name} spellCheck />
              <button type="submit" name="intent" value="rename" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                Rename
              </button>
            </Form>
            <Form method="post" noValidate>
              <CsrfInput />
              <SelectField
                name="targetId"
                label="Merge it into another code"
                hint="Its excerpts move to the other code, and the codes under it follow. It stays in the history, marked merged."
                options={mergeTargets}
                error={errorFor('targetId')}
              />
              <button type="submit" name="intent" value="merge" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                Merge
              </button>
            </Form>
            <Form method="post">
              <CsrfInput />
              {code.status === 'retired' ? (
                <button type="submit" name="intent" value="reinstate" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Bring it back into use
                </button>
              ) : (
                <button type="submit" name="intent" value="retire" className="govuk-button govuk-button--warning" data-module="govuk-button">
                  Retire it
                </button>
              )}
            </Form>
          </>
        ) : null}

        <h2 className="govuk-heading-m">History</h2>
        <ol className="govuk-list">
          {history.map((event) => (
            <li key={event.id}>
              {event.when}: {event.text}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
