import { renderToStaticMarkup } from 'react-dom/server';
import { DEPARTMENT } from '#db/reference/department';
import { formatLondon } from '~/scheduling/notice';
import { getSurvey, type SurveyQuestion } from '~/surveys/definitions.server';
import type { SubjectAccessRecord } from './subject-access.server';

/**
 * The subject access file: one self-contained HTML page a person can open and print anywhere,
 * written with React's escaping so nothing they typed can become markup.
 */
export function subjectAccessHtml(record: SubjectAccessRecord, generatedAt = new Date()): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<SubjectAccessPage record={record} generatedAt={generatedAt} />)}`;
}

const when = (value: Date | null) => (value ? formatLondon(value) : '—');
const yesNo = (value: boolean | null) => (value === null ? 'not recorded' : value ? 'yes' : 'no');

function questionsByName(): Map<string, SurveyQuestion> {
  const pages = getSurvey('common-question-set')?.text.en?.pages ?? [];
  return new Map(pages.flatMap((page) => page.questions).map((question) => [question.name, question]));
}

function answerText(question: SurveyQuestion | undefined, value: unknown): string {
  const label = (one: unknown) => question?.choices.find((choice) => String(choice.value) === String(one))?.text ?? String(one);
  return Array.isArray(value) ? value.map(label).join('; ') : label(value);
}

function Rows({ rows }: { rows: [string, string][] }) {
  return (
    <table>
      <tbody>
        {rows.map(([key, value]) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SubjectAccessPage({ record, generatedAt }: { record: SubjectAccessRecord; generatedAt: Date }) {
  const { person, research } = record;
  const questions = questionsByName();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>{`Information Family Voice holds about ${person.fullName}`}</title>
        <style>{'body{font-family:Arial,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.4}table{border-collapse:collapse;margin-bottom:1.5em;width:100%}th,td{border:1px solid #b1b4b6;padding:.4em;text-align:left;vertical-align:top}th[scope=row]{width:30%}'}</style>
      </head>
      <body>
        <h1>Information Family Voice holds about {person.fullName}</h1>
        <p>
          Made on {formatLondon(generatedAt)} in answer to a subject access request. Family Voice is run for the {DEPARTMENT.name} ({DEPARTMENT.shortName}), the data
          controller. It keeps your contact details apart from your answers: the answers are held under a code, not your name.
        </p>
        <h2>Your details</h2>
        <Rows
          rows={[
            ['Name', person.fullName],
            ['Email address', person.email ?? '—'],
            ['Phone number', person.phone ?? '—'],
            ['How you like to be contacted', person.preferredContact],
            ['Age group', person.ageGroup],
            ['Access needs', person.accessNeeds ?? '—'],
            ['Childcare and caring', person.caringCommitments ?? '—'],
            ['Times that suit you', person.availability.join(', ') || '—'],
            ['How you take part', person.attendanceMode],
            ['Parent or guardian', person.guardianName ?? '—'],
            ['Parent or guardian’s contact', person.guardianContact ?? '—'],
            ['Joined', when(person.createdAt)],
            ['Last changed', when(person.updatedAt)],
          ]}
        />
        <h2>What you agreed to</h2>
        {record.consents.map((consent, index) => (
          <Rows
            key={index}
            rows={[
              ['When', when(consent.consentedAt)],
              ['Taking part in the research', yesNo(consent.researchParticipation)],
              ['Being contacted about sessions', yesNo(consent.contact)],
              ['A parent or guardian agreed', yesNo(consent.guardianConsent)],
              ['How', consent.method],
              ['Privacy notice version', consent.privacyNoticeVersion],
            ]}
          />
        ))}
        <h2>Panels</h2>
        <Rows rows={record.panels.map((panel) => [panel.name, `${panel.status}, joined ${when(panel.joinedAt)}`])} />
        <h2>Invitations to sessions</h2>
        {record.invitations.length === 0 ? <p>None.</p> : null}
        {record.invitations.map((invitation, index) => (
          <Rows
            key={index}
            rows={[
              ['Session', invitation.session],
              ['When', when(invitation.startsAt)],
              ['Your reply', invitation.status],
              ['Replied', when(invitation.respondedAt)],
              ['Came', yesNo(invitation.attended)],
              ['What you told us you need', invitation.accessNote ?? '—'],
            ]}
          />
        ))}
        <h2>Messages we sent you</h2>
        {record.messages.length === 0 ? <p>None kept.</p> : null}
        {record.messages.map((message, index) => (
          <Rows
            key={index}
            rows={[
              ['When', when(message.createdAt)],
              ['By', message.channel === 'email' ? 'email' : 'text message'],
              ['Subject', message.subject ?? '—'],
              ['Message', message.body ?? 'Sent; we do not keep the text of messages once they have gone.'],
            ]}
          />
        ))}
        <h2>Your answers held for research (under a code, not your name)</h2>
        {research.profile ? (
          <Rows
            rows={[
              ...Object.entries(research.profile.answers).map(([name, value]): [string, string] => [questions.get(name)?.title ?? name, answerText(questions.get(name), value)]),
              ['Local authority code', research.profile.laCode ?? '—'],
              ['Recorded on', research.profile.updatedOn],
            ]}
          />
        ) : (
          <p>None.</p>
        )}
        <h3>Panels in the research records</h3>
        <Rows rows={research.panels.map((panel): [string, string] => [panel.name, `joined ${panel.joinedOn}`])} />
        <h3>Sessions in the research records</h3>
        <Rows rows={research.sessions.map((session): [string, string] => [`${session.title} (${when(session.startsAt)})`, session.attended ? 'came' : 'did not come'])} />
        <p>
          Answers to our surveys given without joining a panel are anonymous: they are not linked to you, so we cannot find them. To correct or delete
          anything here, reply to the person who sent you this file.
        </p>
      </body>
    </html>
  );
}
