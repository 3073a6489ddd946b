import type { MetaFunction } from '@remix-run/node';

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'You have stopped taking part – Family Voice' }];

export default function Withdrawn() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">You have stopped taking part</h1>
        </div>
        <p className="govuk-body">We have deleted your name, contact details and needs. Thank you for everything you told us.</p>
      </div>
    </div>
  );
}
