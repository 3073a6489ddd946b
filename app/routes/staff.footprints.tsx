import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { PROGRAMMES, PROGRAMME_CODES } from '#db/reference/programmes';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { ChoiceFields } from '~/components/choice-fields';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary, type FieldError } from '~/components/error-summary';
import { FilterSelect } from '~/components/filter-select';
import { SuccessBanner } from '~/components/success-banner';
import { recordAudit } from '~/governance/audit.server';
import { listFootprints, setFootprint } from '~/research/footprints.server';
import { listLocalAuthorities, listRegions } from '~/research/reference.server';
import { parseForm } from '~/utils/form';

export const meta: MetaFunction = () => [{ title: 'Programme footprints – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'administrator');
  const asked = new URL(request.url).searchParams.get('programme') ?? '';
  const programme = (PROGRAMME_CODES as readonly string[]).includes(asked) ? asked : null;
  const [footprints, regions, las] = await Promise.all([listFootprints(), listRegions(), listLocalAuthorities()]);
  return {
    programmes: PROGRAMMES.map((entry) => ({ code: entry.code, name: entry.name, count: footprints.get(entry.code)?.size ?? null })),
    programme,
    chosen: programme ? [...(footprints.get(programme) ?? [])] : [],
    regions: regions.map((region) => ({ code: region.code, name: region.name, las: las.filter((la) => la.regionCode === region.code).map((la) => ({ code: la.code, name: la.name })) })),
  };
}

const footprintForm = z.object({
  programme: z.enum(PROGRAMME_CODES as unknown as [string, ...string[]], { errorMap: () => ({ message: 'Choose a programme from the list' }) }),
  laCodes: z.array(z.string().regex(/^E(06|08|09|10)\d{6}$/, 'Choose local authorities from the list')),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'administrator');
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parseForm(footprintForm, form, ['laCodes']);
  if (!parsed.ok) return { errors: parsed.errors };
  const saved = await setFootprint({ programme: parsed.data.programme, laCodes: parsed.data.laCodes });
  if (!saved.ok) return { errors: [{ field: saved.field, message: saved.message }] satisfies FieldError[] };
  await recordAudit({ who: user.id, what: 'footprints.set', correlationId: context.requestId, details: { programme: parsed.data.programme, localAuthorities: saved.count } });
  throw redirect(`/staff/footprints?programme=${parsed.data.programme}&saved=1`);
}

export default function Footprints() {
  const { programmes, programme, chosen, regions } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors ?? [];
  const [search] = useSearchParams();
  const current = programmes.find((entry) => entry.code === programme);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors.map((error) => (error.field === 'laCodes' ? { ...error, field: `la-${regions[0]?.code ?? ''}` } : error))} />
        {search.get('saved') && current ? <SuccessBanner message={`${current.name}: footprint saved.`} /> : null}
        <h1 className="govuk-heading-l">Programme footprints</h1>
        <p className="govuk-body">
          The local authorities each programme works in. Who took part is compared with the residents of these authorities, and the authorities with no
          one yet are listed from them. Until you set a programme’s footprint, every authority counts.
        </p>
        <ul className="govuk-list">
          {programmes.map((entry) => (
            <li key={entry.code}>
              <a className="govuk-link" href={`/staff/footprints?programme=${entry.code}`}>
                {entry.name}
              </a>
              : {entry.count === null ? 'every local authority (not set)' : `${entry.count} local authorities`}
            </li>
          ))}
        </ul>
        <form method="get" aria-label="Choose a programme">
          <FilterSelect name="programme" label="Programme" value={programme ?? ''} options={programmes.map((entry) => ({ value: entry.code, label: entry.name }))} any="Choose a programme" />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Choose
          </button>
        </form>
        {current ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="programme" value={current.code} />
            <h2 className="govuk-heading-m">{current.name}</h2>
            <p className="govuk-body">Tick the authorities it works in. Untick them all to count every authority again.</p>
            {regions.map((region) => (
              <ChoiceFields
                key={region.code}
                name="laCodes"
                id={`la-${region.code}`}
                legend={region.name}
                multiple
                options={region.las.map((la) => ({ value: la.code, label: la.name }))}
                selected={chosen}
              />
            ))}
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Save the footprint
            </button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
