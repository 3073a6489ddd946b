import { Link } from '@remix-run/react';

const PAGES = [
  { key: 'overview', label: 'Overview', path: '' },
  { key: 'members', label: 'Members', path: '/members' },
  { key: 'recruitment', label: 'Recruitment', path: '/recruitment' },
  { key: 'settings', label: 'Settings', path: '/settings' },
] as const;
export type PanelPage = (typeof PAGES)[number]['key'];

/** The pages of a panel's workspace, the current one marked. */
export function PanelNav({ panelId, current }: { panelId: string; current: PanelPage }) {
  return (
    <nav className="app-sub-nav" aria-label="Panel">
      <ul className="app-sub-nav__list">
        {PAGES.map((page) => (
          <li key={page.key} className={`app-sub-nav__item${page.key === current ? ' app-sub-nav__item--current' : ''}`}>
            <Link className="govuk-link govuk-link--no-visited-state app-sub-nav__link" to={`/staff/panels/${panelId}${page.path}`} aria-current={page.key === current ? 'page' : undefined}>
              {page.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The heading every page of a panel's workspace starts with. */
export function PanelHeader({ panel, current, title }: { panel: { id: string; name: string }; current: PanelPage; title?: string }) {
  return (
    <>
      <Link to="/staff/panels" className="govuk-back-link">
        Back to panels
      </Link>
      <span className="govuk-caption-l">{title ? panel.name : 'Panel'}</span>
      <h1 className="govuk-heading-l">{title ?? panel.name}</h1>
      <PanelNav panelId={panel.id} current={current} />
    </>
  );
}
