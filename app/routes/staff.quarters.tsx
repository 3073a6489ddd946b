import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { codeOption } from '~/research/code-labels';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary, type FieldError } from '~/components/error-summary';
import { SelectField } from '~/components/select-field';
import { SuccessBanner } from '~/components/success-banner';
import { recordAudit } from '~/governance/audit.server';
import { parseQuarter, planningQuarters } from '~/reports/quarters';
import { applicableCodes } from '~/research/codebook.server';
import { setQuarterTheme, themesOfQuarters } from '~/research/quarter-themes.server';

export const meta: MetaFunction = () => [{ title: 'Quarters and themes – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'administrator');
  const quarters = planningQuarters(new Date());
  const [themes, codes] = await Promise.all([themesOfQuarters(quarters.map((quarter) => quarter.key)), applicableCodes()]);
  return {
    quarters: quarters.map((quarter) => ({ key: quarter.key, label: quarter.label, ...themes.get(quarter.key)! })),
    codes: codes.map(codeOption),
  };
}

const themeForm = z.object({
  quarter: z.string().refine((key) => parseQuarter(key) !== null, 'Choose a quarter'),
  codeId: z.string().uuid('Choose a theme from the codebook'),
  earlyYears: z.string().optional().transform((value) => value === 'yes'),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'administrator');
  const form = await request.formData();
  await requireCsrf(request, form);
  const quarter = String(form.get('quarter') ?? '');
  const parsed = themeForm.safeParse({ quarter, codeId: form.get(`codeId-${quarter}`) ?? '', earlyYears: form.get(`earlyYears-${quarter}`) ?? undefined });
  if (!parsed.success) return { errors: parsed.error.issues.map((issue) => ({ field: `${String(issue.path[0])}-${quarter}`, message: issue.message })) satisfies FieldError[] };
  const saved = await setQuarterTheme(parsed.data);
  if (!saved.ok) return { errors: [{ field: saved.field, message: saved.message }] satisfies FieldError[] };
  await recordAudit({ who: user.id, what: 'quarters.theme', correlationId: context.requestId, details: { quarter: parsed.data.quarter, codeId: parsed.data.codeId, earlyYears: parsed.data.earlyYears } });
  throw redirect(`/staff/quarters?saved=${parsed.data.quarter}`);
}

export default function Quarters() {
  const { quarters, codes } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors ?? [];
  const [search] = useSearchParams();
  const saved = quarters.find((quarter) => quarter.key === search.get('saved'));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {saved ? <SuccessBanner message={`${saved.label} saved.`} /> : null}
        <h1 className="govuk-heading-l">Quarters and themes</h1>
        <p className="govuk-body">
          Each quarter’s report leads with its theme: a code in the codebook, with the codes under it. Until you choose, each quarter takes Annex A’s
          suggestion. One quarter a year focuses on expectant parents and families with children under 2; choosing it for a quarter clears it from
          the others in the same year.
        </p>
        {quarters.map((quarter) => (
          <Form method="post" key={quarter.key} className="app-card" aria-labelledby={`heading-${quarter.key}`}>
            <h2 className="govuk-heading-m" id={`heading-${quarter.key}`}>
              {quarter.label}
            </h2>
            <CsrfInput />
            <input type="hidden" name="quarter" value={quarter.key} />
            <SelectField
              name={`codeId-${quarter.key}`}
              label="Theme"
              hint={quarter.isDefault ? 'Not chosen yet: Annex A’s suggestion is shown.' : undefined}
              options={codes}
              defaultValue={quarter.codeId ?? ''}
              error={errors.find((error) => error.field === `codeId-${quarter.key}`)?.message}
            />
            <div className="govuk-form-group">
              <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                <div className="govuk-checkboxes__item">
                  <input className="govuk-checkboxes__input" id={`earlyYears-${quarter.key}`} name={`earlyYears-${quarter.key}`} type="checkbox" value="yes" defaultChecked={quarter.earlyYears} />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={`earlyYears-${quarter.key}`}>
                    This is the year’s quarter on expectant parents and children under 2
                  </label>
                </div>
              </div>
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Save<span className="govuk-visually-hidden"> {quarter.label}</span>
            </button>
          </Form>
        ))}
      </div>
    </div>
  );
}
