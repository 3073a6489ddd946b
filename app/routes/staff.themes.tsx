import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { codeOption, TOP_LEVEL_OPTION } from '~/research/code-labels';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary, type FieldError } from '~/components/error-summary';
import { SelectField } from '~/components/select-field';
import { SuccessBanner } from '~/components/success-banner';
import { TextInput } from '~/components/text-input';
import { recordAudit } from '~/governance/audit.server';
import { refreshSuggestions, UNCODED_PER_RUN } from '~/analysis/suggestions.server';
import { applicableCodes, CodebookError } from '~/research/codebook.server';
import { adoptThemeSchema } from '~/research/code-schemas';
import { adoptTheme, openSuggestionCount, openThemes } from '~/research/themes.server';
import { parseForm } from '~/utils/form';

export const meta: MetaFunction = () => [{ title: 'Suggested codes and emerging themes – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'analyst', 'administrator');
  const [themes, suggestions, codes] = await Promise.all([openThemes(), openSuggestionCount(), applicableCodes()]);
  return {
    themes: themes.map((theme) => ({ ...theme, name: suggestedName(theme.topTerms) })),
    suggestions,
    parents: [TOP_LEVEL_OPTION, ...codes.map(codeOption)],
    perRun: UNCODED_PER_RUN,
  };
}

/** A starting name from a theme's top terms: the analyst will usually improve it. */
function suggestedName(terms: string[]): string {
  const name = terms.slice(0, 2).join(' and ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'analyst', 'administrator');
  const form = await request.formData();
  await requireCsrf(request, form);
  const audit = (what: string, subjectId: string | null, details: Record<string, unknown> = {}) =>
    recordAudit({ who: user.id, what, subjectType: subjectId ? 'emerging_theme' : null, subjectId, correlationId: context.requestId, details });
  if (form.get('intent') === 'refresh') {
    const run = await refreshSuggestions();
    await audit('themes.refresh', null, run);
    throw redirect(`/staff/themes?refreshed=${run.excerpts}`);
  }
  // Each theme's form names its fields after the theme, so ids stay unique on the page.
  const themeId = String(form.get('themeId') ?? '');
  const fields = new FormData();
  fields.set('themeId', themeId);
  fields.set('name', String(form.get(`name-${themeId}`) ?? ''));
  fields.set('parentId', String(form.get(`parentId-${themeId}`) ?? ''));
  const parsed = parseForm(adoptThemeSchema, fields);
  if (!parsed.ok) return { themeId, errors: parsed.errors.map((error) => ({ ...error, field: `${error.field}-${themeId}` })) satisfies FieldError[] };
  try {
    const { code, suggested } = await adoptTheme(parsed.data.themeId, parsed.data);
    await audit('themes.adopt', parsed.data.themeId, { codeId: code.id, suggested });
    throw redirect(`/staff/codebook/${code.id}?done=adopted`);
  } catch (error) {
    if (error instanceof CodebookError) return { themeId, errors: [{ field: `${error.field}-${themeId}`, message: error.message }] satisfies FieldError[] };
    throw error;
  }
}

export default function Themes() {
  const { themes, suggestions, parents, perRun } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  const [search] = useSearchParams();
  const busy = useNavigation().formData?.get('intent') === 'refresh';
  const refreshed = search.get('refreshed');
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <>
      <ErrorSummary errors={errors} />
      {refreshed !== null ? <SuccessBanner message={`Suggestions refreshed from ${Number(refreshed).toLocaleString('en-GB')} uncoded excerpts.`} /> : null}
      <h1 className="govuk-heading-l">Suggested codes and emerging themes</h1>
      <p className="govuk-body">
        Worked out on this service, without sending text anywhere: codes are suggested for uncoded excerpts from what analysts have coded and from
        the codebook’s descriptions, and uncoded excerpts that use the same words are grouped into emerging themes. Nothing is coded until an
        analyst accepts it. Each refresh reads the newest {perRun.toLocaleString('en-GB')} uncoded excerpts and gives the same result for the same data.
      </p>
      <p className="govuk-body">
        {suggestions === 1 ? '1 suggested code is' : `${suggestions.toLocaleString('en-GB')} suggested codes are`} waiting in the{' '}
        <Link to="/staff/coding" className="govuk-link">
          coding queue
        </Link>
        .
      </p>
      <Form method="post">
        <CsrfInput />
        <button type="submit" name="intent" value="refresh" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={busy} aria-disabled={busy}>
          {busy ? 'Refreshing suggestions…' : 'Refresh suggestions'}
        </button>
      </Form>
      <h2 className="govuk-heading-m">Emerging themes</h2>
      {themes.length === 0 ? <p className="govuk-body">No emerging themes yet. Refresh the suggestions to look for them.</p> : null}
      <ol className="govuk-list">
        {themes.map((theme, index) => (
          <li key={theme.id} className="app-card">
            <h3 className="govuk-heading-s" id={`theme-${theme.id}`}>
              Theme {index + 1}: {theme.topTerms.join(', ')}
            </h3>
            <p className="govuk-body-s">{theme.size === 1 ? '1 excerpt' : `${theme.size} excerpts`}. The nearest to its centre:</p>
            {theme.examples.map((example) => (
              <p className="govuk-body app-excerpt" key={example.id}>
                {example.text}
              </p>
            ))}
            <Form method="post" noValidate aria-labelledby={`theme-${theme.id}`}>
              <CsrfInput />
              <input type="hidden" name="themeId" value={theme.id} />
              <TextInput name={`name-${theme.id}`} label="Name for the new code" error={errorFor(`name-${theme.id}`)} defaultValue={theme.name} />
              <SelectField name={`parentId-${theme.id}`} label="Under which code (optional)" options={parents} error={errorFor(`parentId-${theme.id}`)} />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Make this theme a code<span className="govuk-visually-hidden"> ({theme.topTerms.slice(0, 3).join(', ')})</span>
              </button>
            </Form>
          </li>
        ))}
      </ol>
    </>
  );
}
