import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { SuccessBanner } from '~/components/success-banner';
import { recordAudit } from '~/governance/audit.server';
import { descriptorScore } from '~/local/descriptor-score';
import { canAssess, findAuthority, SUPPORT_VIEWERS } from '~/local/support-access.server';
import { quarterOf } from '~/reports/quarters';
import { assessmentsFor, EHSG_SURVEY, listSupported, recordAssessment } from '~/research/direct-support.server';
import type { AnswerError } from '~/surveys/answers';
import { QuestionField } from '~/surveys/components/question-field';
import { answersFromForm } from '~/surveys/form-data';
import { answersToStore } from '~/surveys/responses.server';
import { requireSurvey } from '~/surveys/route-helpers.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.authority ?? 'Self-assessment'}: Family Voice self-assessment – Family Voice` }];

async function access(request: Request, code: string | undefined) {
  const user = await requireRole(request, ...SUPPORT_VIEWERS);
  const authority = await findAuthority(code);
  if (!authority) throw new Response('Not found', { status: 404 });
  const mayRecord = canAssess(user, authority);
  // An officer sees only their own authority; a facilitator only those in their regions.
  if (!mayRecord && (user.role === 'la_officer' || user.role === 'facilitator')) throw new Response('You can only see your own local authority’s self-assessments', { status: 403, statusText: 'Forbidden' });
  return { user, authority, mayRecord };
}

const questionsOf = (survey: ReturnType<typeof requireSurvey>) => survey.text[survey.locales[0]!]!.pages.flatMap((page) => page.questions);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, mayRecord } = await access(request, params.laCode);
  const survey = requireSurvey(EHSG_SURVEY, { staff: true });
  const quarter = quarterOf(new Date());
  const [history, supported] = await Promise.all([assessmentsFor(authority.code), listSupported()]);
  const current = history.find((assessment) => assessment.quarter === quarter.key);
  const baseline = history[0];
  return {
    code: authority.code,
    authority: authority.name,
    supported: supported.has(authority.code),
    mayRecord,
    quarter: quarter.label,
    title: survey.text[survey.locales[0]!]!.title,
    questions: questionsOf(survey),
    values: (current?.answers ?? {}) as Record<string, unknown>,
    recorded: Boolean(current),
    history: history.map((assessment, index) => ({
      quarter: assessment.quarter,
      score: assessment.score.toFixed(2),
      change: index === 0 || !baseline ? 'Baseline' : `${assessment.score - baseline.score >= 0 ? '+' : '−'}${Math.abs(assessment.score - baseline.score).toFixed(2)}`,
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, authority, mayRecord } = await access(request, params.laCode);
  if (!mayRecord) throw new Response('You cannot record this local authority’s self-assessment', { status: 403, statusText: 'Forbidden' });
  const survey = requireSurvey(EHSG_SURVEY, { staff: true });
  const form = await request.formData();
  await requireCsrf(request, form);
  const read = answersFromForm(questionsOf(survey), form);
  if (read.unknownFields.length > 0) return { errors: [{ field: 'answers', message: 'The form included answers to questions that are not in the self-assessment' }] as AnswerError[], values: read.answers };
  const checked = answersToStore(survey, read.answers);
  if (!checked.ok) return { errors: checked.errors, values: read.answers };
  const score = descriptorScore(survey, checked.answers);
  if (score === null) return { errors: [{ field: 'answers', message: 'Choose a level for at least one descriptor' }] as AnswerError[], values: read.answers };
  const quarter = quarterOf(new Date());
  await recordAssessment({ laCode: authority.code, quarter: quarter.key, surveyVersion: survey.version, answers: checked.answers, score });
  await recordAudit({ who: user.id, what: 'support.assess', subjectType: 'local_authority', subjectId: authority.code, correlationId: context.requestId, details: { quarter: quarter.key, score: Number(score.toFixed(2)) } });
  throw redirect(`/staff/direct-support/${authority.code}?saved=1`);
}

export default function SelfAssessment() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const errors = result?.errors ?? [];
  const values = result?.values ?? data.values;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/direct-support" className="govuk-back-link">
          Back to direct support
        </Link>
        <ErrorSummary errors={errors.map((error) => ({ field: error.field === 'answers' ? 'descriptors' : error.field, message: error.message }))} />
        {search.get('saved') ? <SuccessBanner message="The self-assessment for this quarter has been saved." /> : null}
        <span className="govuk-caption-l">
          {data.authority}
          {data.supported ? ', given direct support' : ''}
        </span>
        <h1 className="govuk-heading-l">Family Voice self-assessment</h1>
        {data.history.length > 0 ? (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Progress against the baseline</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Quarter</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Mean level</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Change</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {data.history.map((row) => (
                <tr className="govuk-table__row" key={row.quarter}>
                  <td className="govuk-table__cell">{row.quarter}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{row.score}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{row.change}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="govuk-body">No self-assessment yet: the first one recorded is the baseline.</p>
        )}
        {data.mayRecord ? (
          <>
            <h2 className="govuk-heading-m" id="descriptors">
              {data.recorded ? 'Change this quarter’s self-assessment' : 'Record this quarter’s self-assessment'}
            </h2>
            <p className="govuk-body">{data.quarter}.</p>
            <Form method="post" noValidate>
              <CsrfInput />
              {data.questions.map((question) => (
                <QuestionField key={question.name} question={question} value={values[question.name]} errors={errors} />
              ))}
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Save the self-assessment
              </button>
            </Form>
          </>
        ) : null}
      </div>
    </div>
  );
}
