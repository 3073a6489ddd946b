import { useRouteLoaderData } from '@remix-run/react';
import type { loader as rootLoader } from '~/root';

/** The team's contact details, from configuration (the root loader), never written into pages. */
export function useContactDetails() {
  return useRouteLoaderData<typeof rootLoader>('root')?.contact ?? null;
}

export function ContactEmailLink() {
  const contact = useContactDetails();
  if (!contact) return <>the Family Voice team</>;
  return (
    <a className="govuk-link" href={`mailto:${contact.email}`}>
      {contact.email}
    </a>
  );
}
