import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { ChoiceFields } from '~/components/choice-fields';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary, type FieldError } from '~/components/error-summary';
import { SuccessBanner } from '~/components/success-banner';
import { requireTranscriptSession } from '~/analysis/transcripts/access.server';
import { MAX_FILE_BYTES } from '~/analysis/transcripts/read-file';
import { addTranscript } from '~/analysis/transcripts/store.server';
import { recordAudit } from '~/governance/audit.server';
import { sessionTranscripts, transcriptTurns } from '~/research/transcripts.server';
import { facilitatorsOf } from '~/scheduling/facilitators.server';
import { parseForm } from '~/utils/form';

export const meta: MetaFunction = () => [{ title: 'Add a transcript or notes – Family Voice' }];

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });
const KINDS = [
  { value: 'transcript', label: 'A transcript (what each person said)' },
  { value: 'notes', label: 'Notes taken during the session' },
];
const uploadSchema = z.object({ kind: z.enum(['transcript', 'notes'], { errorMap: () => ({ message: 'Select whether it is a transcript or notes' }) }) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'analyst', 'facilitator', 'administrator');
  const { session, panelName } = await requireTranscriptSession(user, params.sessionId);
  const list = await sessionTranscripts(session.id);
  const show = new URL(request.url).searchParams.get('show');
  const shown = show ? list.find((transcript) => transcript.id === show) : undefined;
  return {
    session: { id: session.id, title: session.title, when: dateFormat.format(session.startsAt), panelName },
    transcripts: list.map((transcript) => ({ id: transcript.id, kind: transcript.kind, added: dateFormat.format(transcript.addedOn), turns: transcript.turns })),
    shown: shown ? { id: shown.id, kind: shown.kind, turns: (await transcriptTurns(shown.id, session.id)).map((turn) => ({ id: turn.id, speaker: turn.speaker, text: turn.text })) } : null,
    maxMegabytes: MAX_FILE_BYTES / 1024 / 1024,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'analyst', 'facilitator', 'administrator');
  const { session } = await requireTranscriptSession(user, params.sessionId);
  const form = await request.formData();
  await requireCsrf(request, form);
  const errors: FieldError[] = [];
  const parsed = parseForm(uploadSchema, form);
  if (!parsed.ok) errors.push(...parsed.errors);
  const file = form.get('file');
  if (!(file instanceof File) || (file.size === 0 && file.name === '')) errors.push({ field: 'file', message: 'Select a file' });
  if (errors.length > 0 || !parsed.ok || !(file instanceof File)) return { errors };
  const staffNames = (await facilitatorsOf([session.id])).get(session.id) ?? [];
  const added = await addTranscript({ sessionId: session.id, kind: parsed.data.kind, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), facilitators: staffNames });
  if (!added.ok) return { errors: [{ field: 'file', message: added.message }] satisfies FieldError[] };
  await recordAudit({ who: user.id, what: 'transcripts.add', subjectType: 'transcript', subjectId: added.transcriptId, correlationId: context.requestId, details: { sessionId: session.id, turns: added.segments } });
  throw redirect(`/staff/transcripts/${session.id}?show=${added.transcriptId}&added=1`);
}

export default function SessionTranscripts() {
  const { session, transcripts, shown, maxMegabytes } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors ?? [];
  const [search] = useSearchParams();
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  const fileError = errorFor('file');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/transcripts" className="govuk-back-link">
          Back to transcripts and notes
        </Link>
        <ErrorSummary errors={errors} />
        {search.get('added') && shown ? <SuccessBanner message={`Added: ${shown.turns.length} speaker turns, with speakers’ names replaced by labels.`} /> : null}
        <span className="govuk-caption-l">
          {session.panelName}, {session.when}
        </span>
        <h1 className="govuk-heading-l">{session.title}: transcripts and notes</h1>

        {shown ? (
          <>
            <h2 className="govuk-heading-m">{shown.kind === 'notes' ? 'Notes' : 'Transcript'} as stored</h2>
            <p className="govuk-body">
              Participants’ turns are in the{' '}
              <Link to={`/staff/coding?session=${session.id}&source=transcript`} className="govuk-link">
                coding queue
              </Link>
              ; the facilitator’s are kept for context.
            </p>
            <dl className="govuk-summary-list">
              {shown.turns.map((turn) => (
                <div className="govuk-summary-list__row" key={turn.id}>
                  <dt className="govuk-summary-list__key">{turn.speaker}</dt>
                  <dd className="govuk-summary-list__value app-break-words">{turn.text}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}

        {transcripts.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Added so far</h2>
            <ul className="govuk-list">
              {transcripts.map((transcript) => (
                <li key={transcript.id}>
                  <Link to={`/staff/transcripts/${session.id}?show=${transcript.id}`} className="govuk-link">
                    {transcript.kind === 'notes' ? 'Notes' : 'Transcript'} added {transcript.added}
                  </Link>{' '}
                  ({transcript.turns} turns)
                </li>
              ))}
            </ul>
          </>
        ) : null}

        <h2 className="govuk-heading-m">Add a transcript or notes</h2>
        <Form method="post" encType="multipart/form-data" noValidate>
          <CsrfInput />
          <div className={`govuk-form-group${fileError ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor="file">
              The file
            </label>
            <div className="govuk-hint" id="file-hint">
              A Word document (.docx), plain text (.txt) or a video call’s captions (.vtt or .srt), up to {maxMegabytes} MB. Lines like “Name: what
              they said” are read as speaker turns.
            </div>
            {fileError ? (
              <p className="govuk-error-message" id="file-error">
                <span className="govuk-visually-hidden">Error:</span> {fileError}
              </p>
            ) : null}
            <input
              className={`govuk-file-upload${fileError ? ' govuk-file-upload--error' : ''}`}
              id="file"
              name="file"
              type="file"
              accept=".docx,.txt,.vtt,.srt"
              aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
            />
          </div>
          <ChoiceFields name="kind" legend="What is it?" options={KINDS} error={errorFor('kind')} selected={['transcript']} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Add it
          </button>
        </Form>
      </div>
    </div>
  );
}
