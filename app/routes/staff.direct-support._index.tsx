import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { AuthorityCheckboxes } from '~/components/authority-checkboxes';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { SuccessBanner } from '~/components/success-banner';
import { ScrollingTable } from '~/components/table';
import { recordAudit } from '~/governance/audit.server';
import { canAssess, SUPPORT_VIEWERS, visibleProgress } from '~/local/support-access.server';
import { parseQuarter } from '~/reports/quarters';
import { listSupported, setSupported } from '~/research/direct-support.server';
import { listLocalAuthorities, listRegions } from '~/research/reference.server';
import { parseForm } from '~/utils/form';

export const meta: MetaFunction = () => [{ title: 'Direct support and self-assessments – Family Voice' }];

const scoreText = (score: number) => score.toFixed(2);
const quarterName = (key: string) => parseQuarter(key)?.label.replace(/ \(.*\)$/, '') ?? key;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ...SUPPORT_VIEWERS);
  const progress = await visibleProgress(user);
  const isAdmin = user.role === 'administrator';
  const [regions, authorities, supported] = isAdmin ? await Promise.all([listRegions(), listLocalAuthorities(), listSupported()]) : [[], [], new Set<string>()];
  return {
    isAdmin,
    regions,
    authorities,
    supported: [...supported],
    rows: progress.map((row) => ({
      laCode: row.laCode,
      name: row.name,
      supported: row.supported,
      baseline: row.baseline ? `${scoreText(row.baseline.score)} (${quarterName(row.baseline.quarter)})` : 'Not yet assessed',
      latest: row.latest && row.assessments > 1 ? `${scoreText(row.latest.score)} (${quarterName(row.latest.quarter)})` : '–',
      change: row.latest && row.baseline && row.assessments > 1 ? `${row.latest.score - row.baseline.score >= 0 ? '+' : '−'}${scoreText(Math.abs(row.latest.score - row.baseline.score))}` : '–',
      canAssess: canAssess(user, { code: row.laCode, regionCode: row.regionCode }),
    })),
  };
}

const supportSchema = z.object({ laCodes: z.array(z.string().regex(/^E\d{8}$/, 'Choose local authorities from the list')).max(200, 'Choose at most 200 local authorities') });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'administrator');
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parseForm(supportSchema, form, ['laCodes']);
  if (!parsed.ok) return { errors: parsed.errors };
  const saved = await setSupported(parsed.data.laCodes);
  if (!saved.ok) return { errors: [{ field: 'laCodes', message: saved.message }] };
  await recordAudit({ who: user.id, what: 'support.set', correlationId: context.requestId, details: { localAuthorities: saved.count } });
  throw redirect('/staff/direct-support?saved=1');
}

export default function DirectSupport() {
  const data = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors ?? [];
  const [search] = useSearchParams();
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          {search.get('saved') ? <SuccessBanner message="The local authorities given direct support have been saved." /> : null}
          <h1 className="govuk-heading-l">Direct support and self-assessments</h1>
          <p className="govuk-body">
            Each quarter, local partnerships re-assess themselves against the Family Voice descriptor of the Early Help System Guide. The first
            self-assessment is the baseline; progress is the change in the mean descriptor level since then (1 getting started to 4 mature).
          </p>
        </div>
      </div>
      {data.rows.length === 0 ? (
        <p className="govuk-body">No local authority has been given direct support or assessed itself yet.</p>
      ) : (
        <ScrollingTable label="Progress against the baseline" columns={['Local authority', 'Direct support', 'Baseline', 'Latest', 'Change', 'Actions']}>
          {data.rows.map((row) => (
            <tr className="govuk-table__row" key={row.laCode}>
              <td className="govuk-table__cell">{row.name}</td>
              <td className="govuk-table__cell">{row.supported ? 'Yes' : 'No'}</td>
              <td className="govuk-table__cell">{row.baseline}</td>
              <td className="govuk-table__cell">{row.latest}</td>
              <td className="govuk-table__cell">{row.change}</td>
              <td className="govuk-table__cell">
                <Link to={`/staff/direct-support/${row.laCode}`} className="govuk-link">
                  {row.canAssess ? 'Record or see self-assessments' : 'See self-assessments'}
                  <span className="govuk-visually-hidden"> for {row.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </ScrollingTable>
      )}
      {data.isAdmin ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">Local authorities given direct support</h2>
            <p className="govuk-body">As the programmes agreed (around 20). Untick an authority to end its direct support; its self-assessments are kept.</p>
            <Form method="post" noValidate>
              <CsrfInput />
              <AuthorityCheckboxes name="laCodes" legend="Authorities given direct support" error={errors[0]?.message} regions={data.regions} authorities={data.authorities} selected={data.supported} />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Save
              </button>
            </Form>
          </div>
        </div>
      ) : null}
    </>
  );
}
