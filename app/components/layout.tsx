import { DEPARTMENT } from '#db/reference/department';
import { Form, Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { CsrfInput } from './csrf-input';

export interface LayoutUser {
  displayName: string;
  roleLabel: string;
}

/** The public site's main sections, on every page (without JavaScript the menu is simply shown open). */
const PUBLIC_LINKS = [
  { to: '/take-part', label: 'Take part' },
  { to: '/reports', label: 'Reports' },
  { to: '/guides', label: 'Guides' },
  { to: '/plan', label: 'Plan' },
];

function ServiceNavigation({ user }: { user: LayoutUser | null }) {
  return (
    <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <span className="govuk-service-navigation__service-name">
            <Link to="/" className="govuk-service-navigation__link">
              Family Voice
            </Link>
          </span>
          <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list" id="navigation">
              {PUBLIC_LINKS.map((link) => (
                <li className="govuk-service-navigation__item" key={link.to}>
                  <Link className="govuk-service-navigation__link" to={link.to}>
                    {link.label}
                  </Link>
                </li>
              ))}
              {user ? (
                <>
                  <li className="govuk-service-navigation__item">
                    <Link className="govuk-service-navigation__link" to="/staff">
                      Your tasks
                    </Link>
                  </li>
                  <li className="govuk-service-navigation__item">
                    <Form method="post" action="/sign-out" className="app-sign-out">
                      <CsrfInput />
                      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-top-1">
                        Sign out
                      </button>
                    </Form>
                  </li>
                </>
              ) : (
                <li className="govuk-service-navigation__item">
                  <Link className="govuk-service-navigation__link" to="/sign-in">
                    Staff sign in
                  </Link>
                </li>
              )}
            </ul>
          </nav>
        </div>
      </div>
    </section>
  );
}

function PhaseBanner() {
  return (
    <div className="govuk-width-container">
      <div className="govuk-phase-banner">
        <p className="govuk-phase-banner__content">
          <strong className="govuk-tag govuk-phase-banner__content__tag">Alpha</strong>
          <span className="govuk-phase-banner__text">
            This is a new service. <Link className="govuk-link" to="/contact">Tell us what you think</Link> to help us improve it.
          </span>
        </p>
      </div>
    </div>
  );
}

function Footer() {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            <ul className="govuk-footer__inline-list">
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/privacy">Privacy</Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/accessibility">Accessibility statement</Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/contact">Contact</Link>
              </li>
            </ul>
            <p className="govuk-body-s govuk-!-margin-bottom-0">
              Family Voice is run for the {DEPARTMENT.name} with the Department for
              Education, the Department for Work and Pensions and the Department of Health and Social Care.
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}

export function Layout({ user, children }: { user: LayoutUser | null; children: ReactNode }) {
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <header className="app-header">
        <ServiceNavigation user={user} />
        <PhaseBanner />
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          {children}
        </main>
      </div>
      <Footer />
    </>
  );
}
