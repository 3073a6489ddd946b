import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '~/auth/guards.server';
import { ErrorSummary } from '~/components/error-summary';
import { SuccessBanner } from '~/components/success-banner';
import { findMembers, MEMBER_SEARCH_LIMIT } from '~/governance/subject-access.server';

export const meta: MetaFunction = () => [{ title: 'Find a panel member – Family Voice' }];

/** An administrator finds a member to answer a request about their data. Each search is audited. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'administrator');
  const params = new URL(request.url).searchParams;
  const query = (params.get('q') ?? '').slice(0, 254);
  const tooShort = query.trim().length > 0 && query.trim().length < 3;
  const members = query && !tooShort ? await findMembers({ query, by: admin, correlationId: context.requestId }) : null;
  return {
    query,
    tooShort,
    erased: params.has('erased'),
    members: members?.map((member) => ({ id: member.id, name: member.fullName, contact: [member.email, member.phone].filter(Boolean).join(', ') })) ?? null,
  };
}

export default function FindMember() {
  const { query, tooShort, erased, members } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {erased ? <SuccessBanner message="The member’s details and everything linked to them have been erased from both stores." /> : null}
        <ErrorSummary errors={tooShort ? [{ field: 'q', message: 'Enter at least 3 characters' }] : []} />
        <h1 className="govuk-heading-l">Find a panel member</h1>
        <p className="govuk-body">
          To answer someone’s request to see, correct or delete their data. Search by their email address, phone number or part of their name. Each
          search and each record opened is recorded in the audit trail.
        </p>
        <form method="get" role="search" aria-label="Find a panel member">
          <div className={`govuk-form-group${tooShort ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor="q">
              Email, phone or name
            </label>
            {tooShort ? (
              <p id="q-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> Enter at least 3 characters
              </p>
            ) : null}
            <input className={`govuk-input${tooShort ? ' govuk-input--error' : ''}`} id="q" name="q" type="search" defaultValue={query} spellCheck={false} aria-describedby={tooShort ? 'q-error' : undefined} />
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Search
          </button>
        </form>
        {members ? (
          members.length === 0 ? (
            <p className="govuk-body" role="status">
              No member matches.
            </p>
          ) : (
            <>
              <p className="govuk-body" role="status">
                {members.length === 1 ? '1 member matches' : `${members.length} members match`}
                {members.length === MEMBER_SEARCH_LIMIT ? ` (the first ${MEMBER_SEARCH_LIMIT}: search for more of the name)` : ''}.
              </p>
              <ul className="govuk-list">
                {members.map((member) => (
                  <li key={member.id}>
                    <Link className="govuk-link" to={`/staff/people/${member.id}`}>
                      {member.name}
                    </Link>{' '}
                    <span className="govuk-hint govuk-!-display-inline">{member.contact}</span>
                  </li>
                ))}
              </ul>
            </>
          )
        ) : null}
      </div>
    </div>
  );
}
