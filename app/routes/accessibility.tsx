import type { MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { ContactEmailLink } from '~/components/contact-details';

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'Accessibility statement – Family Voice' }];

/** In the format public sector bodies use (the Public Sector Bodies Accessibility Regulations 2018). */
export default function Accessibility() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Accessibility statement for Family Voice</h1>
        <p className="govuk-body">This accessibility statement applies to the Family Voice website: its public pages, its question sets, panel sign-up and the staff pages.</p>
        <p className="govuk-body">
          This website is run by the Family Voice project for the Ministry of Housing, Communities and Local Government. We want as many people as possible to
          be able to use it. For example, that means you should be able to:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>change colours, contrast levels and fonts using browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>navigate most of the website using a keyboard or speech recognition software</li>
          <li>listen to most of the website using a screen reader</li>
          <li>answer the questions and join a panel without JavaScript</li>
        </ul>
        <p className="govuk-body">We have also made the text as simple as possible to understand.</p>

        <h2 className="govuk-heading-m">How accessible this website is</h2>
        <p className="govuk-body">We know some parts of this website are not fully accessible:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>the “what matters most” question, which asks you to put things in order, needs JavaScript</li>
          <li>good-practice guides published as PDF or Word files may not all meet accessibility standards</li>
        </ul>

        <h2 className="govuk-heading-m">Feedback and contact information</h2>
        <p className="govuk-body">
          If you need information on this website in a different format, like accessible PDF, large print, easy read, audio recording or braille, email{' '}
          <ContactEmailLink />. We’ll consider your request and get back to you within 5 working days.
        </p>

        <h2 className="govuk-heading-m">Reporting accessibility problems with this website</h2>
        <p className="govuk-body">
          We’re always looking to improve the accessibility of this website. If you find any problems not listed on this page or think we’re not meeting
          accessibility requirements, <Link to="/contact" className="govuk-link">contact us</Link>.
        </p>

        <h2 className="govuk-heading-m">Enforcement procedure</h2>
        <p className="govuk-body">
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2)
          Accessibility Regulations 2018 (the ‘accessibility regulations’). If you’re not happy with how we respond to your complaint, contact the Equality
          Advisory and Support Service (EASS).
        </p>

        <h2 className="govuk-heading-m">Technical information about this website’s accessibility</h2>
        <p className="govuk-body">
          The Family Voice project is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile
          Applications) (No. 2) Accessibility Regulations 2018.
        </p>
        <h3 className="govuk-heading-s">Compliance status</h3>
        <p className="govuk-body">
          This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below.
        </p>

        <h2 className="govuk-heading-m">Non-accessible content</h2>
        <p className="govuk-body">The content listed below is non-accessible for the following reasons.</p>
        <h3 className="govuk-heading-s">Non-compliance with the accessibility regulations</h3>
        <p className="govuk-body">
          The ordering question (“what matters most”) cannot be answered without JavaScript. This fails WCAG 2.2 success criterion 4.1.2 (name, role,
          value) for people whose browsers do not run JavaScript. The same questions can be answered in the main question set, which works without it.
        </p>
        <h3 className="govuk-heading-s">Content that’s not within the scope of the accessibility regulations</h3>
        <p className="govuk-body">
          PDF and Word guides published before 23 September 2018 are exempt, but none of ours are. Guides written in Markdown are also shown as web pages,
          which meet the standard.
        </p>

        <h2 className="govuk-heading-m">What we’re doing to improve accessibility</h2>
        <p className="govuk-body">
          Every page is checked with automated accessibility tests each time the website changes, and pages are tried by keyboard, with a screen reader and at
          phone width. We are publishing more guides as web pages, not only as files.
        </p>

        <h2 className="govuk-heading-m">Preparation of this accessibility statement</h2>
        <p className="govuk-body">
          This statement was prepared on 1 December 2026. It was last reviewed on 1 December 2026. This website was last tested on 1 December 2026 against
          the WCAG 2.2 AA standard. The test was carried out by the Family Voice team, using automated tests (axe-core) on every page the test journeys visit
          and manual checks by keyboard and at 320 pixels wide.
        </p>
      </div>
    </div>
  );
}
