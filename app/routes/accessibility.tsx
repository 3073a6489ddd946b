import type { MetaFunction } from '@remix-run/node';

export const meta: MetaFunction = () => [{ title: 'Accessibility statement – Family Voice' }];

export default function Accessibility() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Accessibility statement</h1>
        <p className="govuk-body">
          We want as many people as possible to be able to use this service. You should be able to change colours, contrast
          levels and fonts, zoom in up to 400% without the text spilling off the screen, get around the service using just a
          keyboard or speech recognition software, and listen to it using a screen reader.
        </p>
        <p className="govuk-body">
          We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 to level AA. Every page is checked with automated
          tests on each change, and pages are tried by keyboard and at phone width.
        </p>
        <h2 className="govuk-heading-m">Reporting problems</h2>
        <p className="govuk-body">
          If you find a problem, or need information in a different format, use the contact page and we will reply within 5
          working days.
        </p>
      </div>
    </div>
  );
}
