import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary, type FieldError } from '~/components/error-summary';
import { SuccessBanner } from '~/components/success-banner';
import { recordAudit } from '~/governance/audit.server';
import { applicableCodes } from '~/research/codebook.server';
import { acceptSuggestion, excerptForCoding, nextInQueue, rejectSuggestion, setExcerptCodes, type CodingOutcome } from '~/research/coding.server';
import { excerptView } from '~/research/excerpt-view.server';
import { queueQuery, readQueueFilters } from '~/research/queue-filters';
import { parseForm } from '~/utils/form';

export const meta: MetaFunction = () => [{ title: 'Code an excerpt – Family Voice' }];

// A list sent as repeated fields, or (from "Undo") as one comma-separated field.
const uuidList = z.preprocess(
  (value) => (Array.isArray(value) ? value : [value]).flatMap((item) => (typeof item === 'string' ? item.split(',').filter(Boolean) : [item])),
  z.array(z.string().uuid()).max(100),
);
const codingForm = z.discriminatedUnion('intent', [
  z.object({ intent: z.enum(['save', 'save-next', 'undo']), codeIds: uuidList, quotable: z.string().optional().transform((value) => value === 'yes'), version: z.coerce.number().int().min(0) }),
  z.object({ intent: z.literal('accept'), codeId: z.string().uuid(), version: z.coerce.number().int().min(0) }),
  z.object({ intent: z.literal('reject'), codeId: z.string().uuid() }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'analyst', 'administrator');
  const excerpt = await excerptForCoding(params.excerptId ?? '');
  if (!excerpt) throw new Response('Not found', { status: 404 });
  const url = new URL(request.url);
  const filters = readQueueFilters(url.searchParams);
  const codes = await applicableCodes();
  const appliedIds = new Set(excerpt.codes.map((code) => code.id));
  // Codes since retired stay ticked (and can be removed) but are not offered otherwise.
  const offered = [
    ...codes.map((code) => ({ id: code.id, name: code.name, depth: Math.min(code.depth, 2), note: '' })),
    ...excerpt.codes.filter((code) => code.status !== 'active').map((code) => ({ id: code.id, name: code.name, depth: 0, note: ' (retired)' })),
  ];
  const undo = readUndo(url.searchParams);
  return {
    excerpt: { ...excerptView(excerpt), version: excerpt.codingVersion, codes: excerpt.codes.map((code) => code.name) },
    offered,
    applied: [...appliedIds],
    suggestions: excerpt.suggestions,
    query: queueQuery(filters),
    notice: url.searchParams.get('notice'),
    undo,
  };
}

/** What "Undo" puts back, carried on the address of the page after a save: code ids, a flag and a version, never text. */
function readUndo(search: URLSearchParams) {
  const parsed = z
    .object({ undo: z.string().uuid(), was: uuidList, wasQuotable: z.enum(['0', '1']), v: z.coerce.number().int().min(1) })
    .safeParse({ undo: search.get('undo'), was: search.get('was') ?? '', wasQuotable: search.get('wasQuotable'), v: search.get('v') });
  return parsed.success ? { excerptId: parsed.data.undo, codeIds: parsed.data.was, quotable: parsed.data.wasQuotable === '1', version: parsed.data.v } : null;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'analyst', 'administrator');
  const form = await request.formData();
  await requireCsrf(request, form);
  const excerptId = params.excerptId ?? '';
  const url = new URL(request.url);
  const filters = readQueueFilters(url.searchParams);
  const query = queueQuery(filters);
  const parsed = parseForm(codingForm, form, ['codeIds']);
  if (!parsed.ok) return { errors: [{ field: 'codeIds', message: 'The form could not be read. Choose the codes again and save.' }] satisfies FieldError[] };
  const input = parsed.data;
  const audit = (what: string, details: Record<string, unknown>) => recordAudit({ who: user.id, what, subjectType: 'excerpt', subjectId: excerptId, correlationId: context.requestId, details });

  if (input.intent === 'reject') {
    if (await rejectSuggestion({ excerptId, codeId: input.codeId })) await audit('coding.reject-suggestion', { codeId: input.codeId });
    throw redirect(`/staff/coding/${excerptId}${withParams(query, { notice: 'rejected' })}`);
  }
  const outcome: CodingOutcome =
    input.intent === 'accept'
      ? await acceptSuggestion({ excerptId, codeId: input.codeId, version: input.version })
      : await setExcerptCodes({ excerptId, codeIds: input.codeIds, quotable: input.quotable, version: input.version });
  if (!outcome.ok) {
    if (outcome.reason === 'not-found') throw new Response('Not found', { status: 404 });
    return { errors: [{ field: 'codeIds', message: outcome.message }] satisfies FieldError[] };
  }
  const what = input.intent === 'accept' ? 'coding.accept-suggestion' : input.intent === 'undo' ? 'coding.undo' : 'coding.set';
  await audit(what, { added: outcome.added, removed: outcome.removed });
  const undo = { undo: excerptId, was: outcome.before.codeIds.join(','), wasQuotable: outcome.before.quotable ? '1' : '0', v: String(outcome.version) };
  if (input.intent === 'save-next') {
    const next = await nextInQueue(filters, excerptId);
    if (next) throw redirect(`/staff/coding/${next}${withParams(query, { notice: 'saved-previous', ...undo })}`);
    throw redirect(`/staff/coding/${excerptId}${withParams(query, { notice: 'saved-last', ...undo })}`);
  }
  const notice = input.intent === 'undo' ? 'undone' : input.intent === 'accept' ? 'accepted' : 'saved';
  throw redirect(`/staff/coding/${excerptId}${withParams(query, input.intent === 'undo' ? { notice } : { notice, ...undo })}`);
}

function withParams(query: string, extra: Record<string, string>): string {
  const params = new URLSearchParams(query);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `?${params.toString()}`;
}

const NOTICES: Record<string, string> = {
  'saved-previous': 'The previous excerpt’s codes were saved. This is the next one.',
  'saved-last': 'Codes saved. That was the last excerpt matching your filters.',
  saved: 'Codes saved.',
  accepted: 'Suggested code applied.',
  rejected: 'Suggestion rejected: it will not be offered for this excerpt again.',
  undone: 'Your last change was undone.',
};

export default function CodeExcerpt() {
  const { excerpt, offered, applied, suggestions, query, notice, undo } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors ?? [];
  const message = notice ? NOTICES[notice] : undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/coding${query}`} className="govuk-back-link">
          Back to the excerpts
        </Link>
        <ErrorSummary errors={errors} />
        {message ? <SuccessBanner message={message} /> : null}
        {undo && notice !== 'undone' ? (
          <Form method="post" action={`/staff/coding/${undo.excerptId}${query}`} className="govuk-!-margin-bottom-6">
            <CsrfInput />
            <input type="hidden" name="intent" value="undo" />
            <input type="hidden" name="codeIds" value={undo.codeIds.join(',')} />
            <input type="hidden" name="quotable" value={undo.quotable ? 'yes' : ''} />
            <input type="hidden" name="version" value={undo.version} />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Undo that change
            </button>
          </Form>
        ) : null}
        <span className="govuk-caption-l">{excerpt.source}</span>
        <h1 className="govuk-heading-l">Code this excerpt</h1>
        <p className="govuk-body-s">
          {excerpt.quarter} · {excerpt.area}
        </p>
        <p className="govuk-body app-excerpt" id="excerpt-text">
          {excerpt.text}
        </p>
        <p className="govuk-body">{excerpt.codes.length > 0 ? `Coded now as ${excerpt.codes.join(', ')}.` : 'Not coded yet.'}</p>

        {suggestions.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Suggested codes</h2>
            <p className="govuk-body">Suggested from what analysts have coded so far and the codebook. Nothing is coded until you accept.</p>
            <ul className="govuk-list">
              {suggestions.map((suggestion) => (
                <li key={suggestion.codeId} className="app-card">
                  <p className="govuk-body govuk-!-margin-bottom-2">
                    <strong>{suggestion.name}</strong>{' '}
                    {suggestion.confidence === null ? '(from an emerging theme you made into a code)' : `(${Math.round(suggestion.confidence * 100)}% confident)`}
                  </p>
                  <div className="govuk-button-group">
                    <Form method="post" action={`/staff/coding/${excerpt.id}${query}`}>
                      <CsrfInput />
                      <input type="hidden" name="codeId" value={suggestion.codeId} />
                      <input type="hidden" name="version" value={excerpt.version} />
                      <button type="submit" name="intent" value="accept" className="govuk-button" data-module="govuk-button">
                        Accept<span className="govuk-visually-hidden"> {suggestion.name}</span>
                      </button>
                    </Form>
                    <Form method="post" action={`/staff/coding/${excerpt.id}${query}`}>
                      <CsrfInput />
                      <input type="hidden" name="codeId" value={suggestion.codeId} />
                      <button type="submit" name="intent" value="reject" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                        Reject<span className="govuk-visually-hidden"> {suggestion.name}</span>
                      </button>
                    </Form>
                  </div>
                </li>
              ))}
            </ul>
          </>
        ) : null}

        <Form method="post" action={`/staff/coding/${excerpt.id}${query}`} key={`${excerpt.id}:${excerpt.version}`}>
          <CsrfInput />
          <input type="hidden" name="version" value={excerpt.version} />
          <div className={`govuk-form-group${errors.length > 0 ? ' govuk-form-group--error' : ''}`}>
            <fieldset className="govuk-fieldset" aria-describedby={errors.length > 0 ? 'codeIds-error' : 'codeIds-hint'}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                <h2 className="govuk-fieldset__heading">Codes</h2>
              </legend>
              <div className="govuk-hint" id="codeIds-hint">
                Choose every code that fits. Codes indented sit under the one above.
              </div>
              {errors.length > 0 ? (
                <p className="govuk-error-message" id="codeIds-error">
                  <span className="govuk-visually-hidden">Error:</span> {errors[0]!.message}
                </p>
              ) : null}
              <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                {offered.map((code, index) => (
                  <div className={`govuk-checkboxes__item${code.depth > 0 ? ` app-code-depth-${code.depth}` : ''}`} key={code.id}>
                    <input className="govuk-checkboxes__input" id={index === 0 ? 'codeIds' : `code-${code.id}`} name="codeIds" type="checkbox" value={code.id} defaultChecked={applied.includes(code.id)} />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={index === 0 ? 'codeIds' : `code-${code.id}`}>
                      {code.name}
                      {code.note}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <div className="govuk-form-group">
            <div className="govuk-checkboxes" data-module="govuk-checkboxes">
              <div className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" id="quotable" name="quotable" type="checkbox" value="yes" defaultChecked={excerpt.quotable} aria-describedby="quotable-hint" />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="quotable">
                  Fit to quote in a report
                </label>
                <div className="govuk-hint govuk-checkboxes__hint" id="quotable-hint">
                  Only if no one could be recognised from it.
                </div>
              </div>
            </div>
          </div>
          <div className="govuk-button-group">
            <button type="submit" name="intent" value="save-next" className="govuk-button" data-module="govuk-button">
              Save and go to the next
            </button>
            <button type="submit" name="intent" value="save" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Save
            </button>
          </div>
        </Form>
      </div>
    </div>
  );
}
