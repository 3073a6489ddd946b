import type { MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { DEPARTMENT } from '#db/reference/department';
import { StartIcon } from '~/components/start-icon';

export const meta: MetaFunction = () => [
  { title: 'Family Voice – tell us about the support your family gets' },
  { name: 'description', content: 'Family Voice asks families in England about the support they get, want and cannot reach.' },
];

export const handle = { hydrate: false };

const SECTIONS = [
  {
    href: '/take-part',
    title: 'Take part',
    text: 'Answer a short set of questions about the support your family has had. It takes about 10 minutes and you do not need to give your name.',
  },
  {
    href: '/panels',
    title: 'Join a panel',
    text: 'Talk with us and other families a few times a year, online or near you. We pay for travel and childcare.',
  },
  {
    href: '/reports',
    title: 'What families told us',
    text: 'Read the quarterly findings for each programme, with every table to download.',
  },
  {
    href: '/guides',
    title: 'Good-practice guides',
    text: 'For local authorities and services: guides and toolkits on hearing from families and acting on what they say.',
  },
  {
    href: '/plan',
    title: 'Delivery plan',
    text: 'What the project will do each quarter, and how we will know it worked.',
  },
];

export default function Index() {
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Family Voice</h1>
          <p className="govuk-body-l">
            Tell the government what support your family has had, what you wanted and what you could not get.
          </p>
          <p className="govuk-body">
            Family Voice listens to parents, carers, expectant parents and young people across England about services such
            as family hubs, health visitors and family nurses, parenting courses, relationship support and early help. What
            you tell us helps shape Supporting Families, Family Hubs, Start for Life, Reducing Parental Conflict and the
            Family Nurse Partnership.
          </p>
          <p className="govuk-body">
            Family Voice is run for the {DEPARTMENT.name} with the Department for Education, the Department for Work and Pensions and the Department of Health
            and Social Care. It also helps local authorities hear from families in their own area.
          </p>
          <Link to="/take-part" role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
            Start now
            <StartIcon />
          </Link>
        </div>
      </div>
      <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {SECTIONS.map((section) => (
            <div key={section.href}>
              <h2 className="govuk-heading-m govuk-!-margin-bottom-2">
                <Link className="govuk-link" to={section.href}>
                  {section.title}
                </Link>
              </h2>
              <p className="govuk-body">{section.text}</p>
            </div>
          ))}
        </div>
      </div>
      <p className="govuk-body">
        Work for a service or the project? <Link className="govuk-link" to="/sign-in">Sign in to your staff account</Link>.
      </p>
    </>
  );
}
