import type { ReactNode } from 'react';
import type { AnswerError } from '../answers';
import type { Choice, SurveyQuestion } from '../definitions.server';

/**
 * One SurveyJS question drawn as GOV.UK Frontend markup: plain HTML that works without JavaScript,
 * enhanced by GOV.UK Frontend's own scripts (conditional reveals, character counts) when they load.
 */

interface FieldProps {
  question: SurveyQuestion;
  value: unknown;
  comment?: string;
  errors: AnswerError[];
  /** Just added to the page by an answer on it: marked so the family sees why the page came back. */
  isNew?: boolean;
  /** Follow-up questions drawn inside a radio answer (by the answer's value), as GOV.UK conditional reveals. */
  conditionals?: Record<string, ReactNode>;
}

const PREFER_NOT = new Set(['prefer-not-to-say', 'dont-know']);
const idFor = (name: string, index: number) => (index === 0 ? name : `${name}-${index + 1}`);

function ErrorMessage({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

/** A single-input question's heading label, hint and error, as GOV.UK lays them out. */
function LabelHintError({ question, error }: { question: SurveyQuestion; error?: string }) {
  return (
    <>
      <h2 className="govuk-label-wrapper">
        <label className="govuk-label govuk-label--m" htmlFor={question.name}>
          {question.title}
        </label>
      </h2>
      {question.description ? (
        <div id={`${question.name}-hint`} className="govuk-hint">
          {question.description}
        </div>
      ) : null}
      <ErrorMessage id={`${question.name}-error`} message={error} />
    </>
  );
}

function Fieldset({ question, error, children, describedBy }: { question: SurveyQuestion; error?: string; children: ReactNode; describedBy?: string }) {
  const hintId = question.description ? `${question.name}-hint` : undefined;
  const errorId = error ? `${question.name}-error` : undefined;
  const described = [describedBy, hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={described}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">{question.title}</h2>
        </legend>
        {question.description ? (
          <div id={hintId} className="govuk-hint">
            {question.description}
          </div>
        ) : null}
        <ErrorMessage id={`${question.name}-error`} message={error} />
        {children}
      </fieldset>
    </div>
  );
}

function OtherText({ question, comment, label = 'Tell us more (optional)' }: { question: SurveyQuestion; comment?: string; label?: string }) {
  const name = `${question.name}-Comment`;
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={name}>
        {label}
      </label>
      <input className="govuk-input" id={name} name={name} type="text" defaultValue={comment} maxLength={question.maxLength} spellCheck />
    </div>
  );
}

function ChoiceList({
  question,
  value,
  comment,
  multiple,
  conditionals = {},
}: {
  question: SurveyQuestion;
  value: unknown;
  comment?: string;
  multiple: boolean;
  conditionals?: Record<string, ReactNode>;
}) {
  const kind = multiple ? 'checkboxes' : 'radios';
  const selected = (choice: Choice) => (Array.isArray(value) ? value.includes(choice.value) : value === choice.value);
  const main = question.choices.filter((choice) => !PREFER_NOT.has(String(choice.value)));
  const apart = [...question.choices.filter((choice) => PREFER_NOT.has(String(choice.value))), ...(question.noneChoice ? [question.noneChoice] : [])];
  let index = 0;
  const item = (choice: Choice, exclusive = false) => {
    const id = idFor(question.name, index);
    index += 1;
    // A radio's text box is shown after the list instead of revealed: GOV.UK Frontend marks a
    // revealing radio aria-expanded, which ARIA does not allow on a radio (axe: aria-allowed-attr).
    const isOther = multiple && question.otherChoice?.value === choice.value;
    // Follow-ups for this answer: open without scripts; our own script (not GOV.UK Frontend's, for
    // the same aria-expanded reason) closes those whose answer is not chosen.
    const followUps = multiple ? undefined : conditionals[String(choice.value)];
    const revealId = `conditional-${question.name}-${index}`;
    return (
      <div key={String(choice.value)}>
        <div className={`govuk-${kind}__item`}>
          <input
            className={`govuk-${kind}__input`}
            id={id}
            name={question.name}
            type={multiple ? 'checkbox' : 'radio'}
            value={String(choice.value)}
            defaultChecked={selected(choice)}
            data-behaviour={exclusive && multiple ? 'exclusive' : undefined}
            data-aria-controls={isOther ? `conditional-${question.name}-other` : undefined}
            data-app-reveal={followUps ? revealId : undefined}
          />
          <label className={`govuk-label govuk-${kind}__label`} htmlFor={id}>
            {choice.text}
          </label>
        </div>
        {isOther ? (
          <div className={`govuk-${kind}__conditional govuk-${kind}__conditional--hidden`} id={`conditional-${question.name}-other`}>
            <OtherText question={question} comment={comment} />
          </div>
        ) : null}
        {followUps ? (
          <div className="govuk-radios__conditional" id={revealId}>
            {followUps}
          </div>
        ) : null}
      </div>
    );
  };
  return (
    <>
      {/* Yes and no side by side, unless an answer reveals a follow-up (GOV.UK: no reveals in inline radios). */}
      <div className={`govuk-${kind}${question.type === 'boolean' && Object.keys(conditionals).length === 0 ? ' govuk-radios--inline' : ''}`} data-module={`govuk-${kind}`}>
        {main.map((choice) => item(choice))}
        {question.otherChoice ? item(question.otherChoice) : null}
        {apart.length > 0 ? <div className={`govuk-${kind}__divider`}>or</div> : null}
        {apart.map((choice) => item(choice, question.noneChoice?.value === choice.value))}
      </div>
      {!multiple && question.otherChoice ? (
        <div className="govuk-!-margin-top-4">
          <OtherText question={question} comment={comment} label={`If you chose “${question.otherChoice.text}”, tell us more (optional)`} />
        </div>
      ) : null}
    </>
  );
}

/** Lists longer than this are searched by typing when JavaScript runs. */
const AUTOCOMPLETE_FROM = 20;

function Dropdown({ question, value, error }: { question: SurveyQuestion; value: unknown; error?: string }) {
  const hintId = question.description ? `${question.name}-hint` : undefined;
  const errorId = error ? `${question.name}-error` : undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <LabelHintError question={question} error={error} />
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={question.name}
        name={question.name}
        defaultValue={value === undefined ? '' : String(value)}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        // A long list (the 153 councils) becomes a type-to-search box where scripts run.
        data-autocomplete={question.choices.length > AUTOCOMPLETE_FROM ? '' : undefined}
      >
        <option value="">Choose an option</option>
        {[...question.choices, ...(question.otherChoice ? [question.otherChoice] : [])].map((choice) => (
          <option key={String(choice.value)} value={String(choice.value)}>
            {choice.text}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextField({ question, value, error }: { question: SurveyQuestion; value: unknown; error?: string }) {
  const hintId = question.description ? `${question.name}-hint` : undefined;
  const errorId = error ? `${question.name}-error` : undefined;
  const infoId = `${question.name}-info`;
  const isComment = question.type === 'comment';
  const described = [hintId, errorId, isComment ? infoId : undefined].filter(Boolean).join(' ') || undefined;
  const common = {
    id: question.name,
    name: question.name,
    defaultValue: typeof value === 'string' ? value : '',
    'aria-describedby': described,
    spellCheck: true,
  };
  return (
    <div
      className={`govuk-form-group${isComment ? ' govuk-character-count' : ''}${error ? ' govuk-form-group--error' : ''}`}
      data-module={isComment ? 'govuk-character-count' : undefined}
      data-maxlength={isComment ? question.maxLength : undefined}
    >
      <LabelHintError question={question} error={error} />
      {isComment ? (
        <>
          <textarea className={`govuk-textarea govuk-js-character-count${error ? ' govuk-textarea--error' : ''}`} rows={5} {...common} />
          <div id={infoId} className="govuk-hint govuk-character-count__message">
            You can enter up to {question.maxLength} characters
          </div>
        </>
      ) : (
        <input
          className={`govuk-input${error ? ' govuk-input--error' : ''}`}
          type={question.inputType === 'number' ? 'text' : (question.inputType ?? 'text')}
          inputMode={question.inputType === 'number' ? 'numeric' : undefined}
          maxLength={question.maxLength}
          {...common}
        />
      )}
    </div>
  );
}

function Matrix({ question, value, errors }: { question: SurveyQuestion; value: unknown; errors: AnswerError[] }) {
  const rows = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return (
    <div className="govuk-form-group">
      <h2 className="govuk-heading-m">{question.title}</h2>
      {question.description ? <p className="govuk-hint">{question.description}</p> : null}
      {question.rows.map((row) => {
        const name = `${question.name}.${row.value}`;
        const error = errors.find((candidate) => candidate.field === name)?.message;
        return (
          <div key={String(row.value)} className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <fieldset className="govuk-fieldset" aria-describedby={error ? `${name}-error` : undefined}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{row.text}</legend>
              <ErrorMessage id={`${name}-error`} message={error} />
              <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
                {question.columns.map((column, index) => {
                  const id = idFor(name, index);
                  return (
                    <div className="govuk-radios__item" key={String(column.value)}>
                      <input
                        className="govuk-radios__input"
                        id={id}
                        name={name}
                        type="radio"
                        value={String(column.value)}
                        defaultChecked={rows[String(row.value)] === column.value}
                      />
                      <label className="govuk-label govuk-radios__label" htmlFor={id}>
                        {column.text}
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
        );
      })}
    </div>
  );
}

/**
 * A ranking without JavaScript: a numbered select beside each item (1 is the top). The React UI's
 * drag-and-drop stores the same thing, the items in order.
 */
function Ranking({ question, value, error }: { question: SurveyQuestion; value: unknown; error?: string }) {
  const rankOf = (choice: Choice): string => {
    if (Array.isArray(value)) {
      const index = value.indexOf(choice.value);
      return index === -1 ? '' : String(index + 1);
    }
    // What was typed, sent back with an error.
    const typed = value && typeof value === 'object' ? (value as Record<string, unknown>)[String(choice.value)] : undefined;
    return typeof typed === 'string' ? typed : '';
  };
  const count = question.choices.length;
  const hintId = `${question.name}-order-hint`;
  return (
    <Fieldset question={question} error={error} describedBy={hintId}>
      <div id={hintId} className="govuk-hint">
        Give each a different number from 1 to {count}, with 1 at the top.
      </div>
      {question.choices.map((choice, index) => {
        const id = idFor(question.name, index);
        return (
          <div className="govuk-form-group govuk-!-margin-bottom-3" key={String(choice.value)}>
            <label className="govuk-label" htmlFor={id}>
              {choice.text}
            </label>
            <select className={`govuk-select${error ? ' govuk-select--error' : ''}`} id={id} name={`${question.name}.${String(choice.value)}`} defaultValue={rankOf(choice)}>
              <option value="">Choose a number</option>
              {Array.from({ length: count }, (_, rank) => (
                <option key={rank} value={String(rank + 1)}>
                  {rank + 1}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </Fieldset>
  );
}

export function QuestionField({ isNew = false, ...props }: FieldProps) {
  if (!isNew) return <Field {...props} />;
  return (
    <div className="app-new-question">
      <strong className="govuk-tag govuk-tag--blue govuk-!-margin-bottom-2">New</strong>
      <Field {...props} />
    </div>
  );
}

function Field({ question, value, comment, errors, conditionals }: Omit<FieldProps, 'isNew'>) {
  const error = errors.find((candidate) => candidate.field === question.name || candidate.field === `${question.name}-Comment`)?.message;
  switch (question.type) {
    case 'radiogroup':
    case 'rating':
      return (
        <Fieldset question={question} error={error}>
          <ChoiceList question={question} value={value} comment={comment} multiple={false} conditionals={conditionals} />
        </Fieldset>
      );
    case 'boolean': {
      const yesNo = { ...question, choices: [{ value: 'true', text: question.labelTrue ?? 'Yes' }, { value: 'false', text: question.labelFalse ?? 'No' }] };
      return (
        <Fieldset question={question} error={error}>
          <ChoiceList question={yesNo} value={value === undefined ? undefined : String(value)} multiple={false} conditionals={conditionals} />
        </Fieldset>
      );
    }
    case 'checkbox':
    case 'tagbox':
      return (
        <Fieldset question={question} error={error}>
          <ChoiceList question={question} value={value} comment={comment} multiple />
        </Fieldset>
      );
    case 'dropdown':
      return <Dropdown question={question} value={value} error={error} />;
    case 'text':
    case 'comment':
      return <TextField question={question} value={value} error={error} />;
    case 'matrix':
      return <Matrix question={question} value={value} errors={errors} />;
    case 'ranking':
      return <Ranking question={question} value={value} error={error} />;
    case 'html':
      // Our own question sets' content, written by the team, not by the public.
      return <div className="govuk-body" dangerouslySetInnerHTML={{ __html: question.html ?? '' }} />;
    default:
      return null;
  }
}

/** How an answer reads on the check-your-answers page. */
export function describeAnswer(question: SurveyQuestion, value: unknown, comment?: unknown): string {
  const textOf = (item: unknown) =>
    [...question.choices, ...(question.noneChoice ? [question.noneChoice] : []), ...(question.otherChoice ? [question.otherChoice] : [])].find(
      (choice) => choice.value === item,
    )?.text ?? String(item);
  const withComment = (text: string) => (typeof comment === 'string' && comment ? `${text}: ${comment}` : text);
  if (value === undefined) return 'Not answered';
  if (question.type === 'boolean') return value ? (question.labelTrue ?? 'Yes') : (question.labelFalse ?? 'No');
  if (question.type === 'ranking' && Array.isArray(value)) return value.map((item, index) => `${index + 1}. ${textOf(item)}`).join('; ');
  if (Array.isArray(value)) return withComment(value.map(textOf).join(', '));
  if (question.type === 'matrix' && value && typeof value === 'object') {
    return question.rows
      .filter((row) => (value as Record<string, unknown>)[String(row.value)] !== undefined)
      .map((row) => `${row.text}: ${question.columns.find((column) => column.value === (value as Record<string, unknown>)[String(row.value)])?.text ?? ''}`)
      .join('; ');
  }
  if (question.type === 'text' || question.type === 'comment') return String(value);
  return withComment(textOf(value));
}
