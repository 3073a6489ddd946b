import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '~/auth/guards.server';
import { ScrollingTable } from '~/components/table';
import { transcriptScope } from '~/analysis/transcripts/access.server';
import { heldSessions } from '~/research/transcripts.server';

export const meta: MetaFunction = () => [{ title: 'Transcripts and notes – Family Voice' }];

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'analyst', 'facilitator', 'administrator');
  const sessions = await heldSessions({ regionCodes: transcriptScope(user) });
  return { sessions: sessions.map((session) => ({ id: session.id, title: session.title, panelName: session.panelName, when: dateFormat.format(session.startsAt), transcripts: session.transcripts })) };
}

export default function Transcripts() {
  const { sessions } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Transcripts and notes</h1>
      <p className="govuk-body">
        Add a panel session’s transcript or notes so analysts can code what was said. Speakers’ names become labels (Facilitator, Participant 1…),
        names, emails and phone numbers are removed from the text, and the file itself is not kept.
      </p>
      {sessions.length === 0 ? <p className="govuk-body">No sessions have taken place yet.</p> : null}
      <ScrollingTable label="Sessions that have taken place" columns={['Session', 'Panel', 'When', { label: 'Transcripts', numeric: true }]}>
        {sessions.map((session) => (
          <tr className="govuk-table__row" key={session.id}>
            <td className="govuk-table__cell">
              <Link to={`/staff/transcripts/${session.id}`} className="govuk-link">
                {session.title}
              </Link>
            </td>
            <td className="govuk-table__cell">{session.panelName}</td>
            <td className="govuk-table__cell">{session.when}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{session.transcripts}</td>
          </tr>
        ))}
      </ScrollingTable>
    </>
  );
}
