import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { listProgrammes, listRegions } from '~/research/reference.server';
import { DateTime } from 'luxon';
import { AUDIENCE_LABELS, FORMAT_LABELS, LEVEL_LABELS, listPanels, PANEL_AUDIENCES } from '~/research/panels.server';
import { SelectField } from '~/components/select-field';

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'Family panels – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const region = url.searchParams.get('region') ?? '';
  const programme = url.searchParams.get('programme') ?? '';
  const audience = PANEL_AUDIENCES.find((candidate) => candidate === url.searchParams.get('audience')) ?? '';
  const [allRegions, programmes] = await Promise.all([listRegions(), listProgrammes()]);
  const validRegion = allRegions.some((candidate) => candidate.code === region) ? region : '';
  const validProgramme = programmes.some((candidate) => candidate.code === programme) ? programme : '';
  const panels = await listPanels({
    regionCodes: validRegion ? [validRegion] : undefined,
    programmeCode: validProgramme || undefined,
    audience: audience || undefined,
  });
  return {
    audience,
    audiences: PANEL_AUDIENCES.map((code) => ({ value: code, label: AUDIENCE_LABELS[code] })),
    region: validRegion,
    programme: validProgramme,
    regions: allRegions,
    programmes,
    panels: panels.map((panel) => ({
      id: panel.id,
      name: panel.name,
      where: panel.laName ?? panel.regionName ?? 'England',
      level: LEVEL_LABELS[panel.level as keyof typeof LEVEL_LABELS] ?? panel.level,
      audience: AUDIENCE_LABELS[panel.audience as keyof typeof AUDIENCE_LABELS] ?? panel.audience,
      focus: panel.focus,
      meets: panel.meets ?? 'To be agreed with members',
      format: FORMAT_LABELS[panel.format as keyof typeof FORMAT_LABELS] ?? 'To be agreed with members',
      planned: panel.planned.length > 0 ? panel.planned.map((day) => DateTime.fromISO(day).toFormat('d MMMM yyyy')).join(', ') : 'None yet: members are told at least 4 weeks ahead',
      thanks: panel.thanks ?? 'Ask us when you join',
    })),
  };
}

export default function PanelList() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Family panels</h1>
        <p className="govuk-body">
          Panels are groups of families who talk with us a few times a year about the support they get. Sessions are
          planned at least 4 weeks ahead, at times and places that suit, online or in person.
        </p>
        <form method="get" className="govuk-!-margin-bottom-6">
          <SelectField
            name="region"
            label="Region"
            defaultValue={data.region}
            options={[{ value: '', label: 'All of England' }, ...data.regions.map((region) => ({ value: region.code, label: region.name }))]}
          />
          <SelectField
            name="audience"
            label="Who the panel is for"
            defaultValue={data.audience}
            options={[{ value: '', label: 'Everyone' }, ...data.audiences]}
          />
          <SelectField
            name="programme"
            label="Programme"
            defaultValue={data.programme}
            options={[{ value: '', label: 'All programmes' }, ...data.programmes.map((programme) => ({ value: programme.code, label: programme.name }))]}
          />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Show panels
          </button>
        </form>
        {data.panels.length === 0 ? <p className="govuk-body">There are no panels here yet.</p> : null}
        {data.panels.map((panel) => (
          <div key={panel.id} className="govuk-summary-card">
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title">{panel.name}</h2>
            </div>
            <div className="govuk-summary-card__content">
              <dl className="govuk-summary-list">
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Where</dt>
                  <dd className="govuk-summary-list__value">
                    {panel.where} ({panel.level.toLowerCase()})
                  </dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">For</dt>
                  <dd className="govuk-summary-list__value">
                    {panel.audience}
                    {panel.focus ? `, ${panel.focus}` : ''}
                  </dd>
                </div>
                {[
                  ['How it meets', panel.format],
                  ['How often', panel.meets],
                  ['Sessions planned', panel.planned],
                  ['Expenses and thanks', panel.thanks],
                ].map(([key, value]) => (
                  <div className="govuk-summary-list__row" key={key}>
                    <dt className="govuk-summary-list__key">{key}</dt>
                    <dd className="govuk-summary-list__value">{value}</dd>
                  </div>
                ))}
              </dl>
              <a className="govuk-button govuk-!-margin-bottom-0" href={`/panels/${panel.id}/join`} data-module="govuk-button">
                Join<span className="govuk-visually-hidden"> {panel.name}</span>
              </a>
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
