import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/auth/guards.server';
import { canMakeLinksFor } from '~/links/link-scope.server';
import { listSurveys, unavailableSurveys } from '~/surveys/definitions.server';
import { ScrollingTable } from '~/components/table';
import { WarningText } from '~/components/warning-text';

export const meta: MetaFunction = () => [{ title: 'Question sets – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // An officer sees the sets they can use in their own area; everyone else sees every set.
  const surveys = listSurveys().filter((survey) => user.role !== 'la_officer' || canMakeLinksFor(user, survey.id));
  return {
    surveys: surveys.map((survey) => ({
      canMakeLinks: canMakeLinksFor(user, survey.id),
      id: survey.id,
      version: survey.version,
      title: survey.text[survey.locales[0]!]!.title,
      questions: survey.text[survey.locales[0]!]!.pages.reduce((sum, page) => sum + page.questions.length, 0),
      renderer: survey.renderer === 'govuk' ? 'GOV.UK pages (works without JavaScript)' : 'SurveyJS form (needs JavaScript)',
    })),
    unavailable: unavailableSurveys(),
  };
}

export default function StaffSurveys() {
  const { surveys, unavailable } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Question sets</h1>
      {unavailable.length > 0 ? (
        <WarningText as="div">
          {unavailable.length === 1 ? '1 question set is' : `${unavailable.length} question sets are`} unavailable. Families who open
          their links are told the questions are not available at the moment. Fix the file and restart the service.
        </WarningText>
      ) : null}
      {unavailable.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Unavailable</h2>
          <ScrollingTable label="Unavailable question sets" columns={['File', 'Why it is unavailable']}>
            {unavailable.map((problem) => (
              <tr className="govuk-table__row" key={problem.id}>
                <td className="govuk-table__cell">
                  <code>{problem.fileName}</code>
                </td>
                <td className="govuk-table__cell app-break-words">{problem.reason}</td>
              </tr>
            ))}
          </ScrollingTable>
          <h2 className="govuk-heading-m">Available</h2>
        </>
      ) : null}
      <ScrollingTable label="Question sets" columns={['Question set', 'Version', 'Questions', 'Shown as', 'Actions']}>
        {surveys.map((survey) => (
          <tr className="govuk-table__row" key={survey.id}>
            <td className="govuk-table__cell">{survey.title}</td>
            <td className="govuk-table__cell">{survey.version}</td>
            <td className="govuk-table__cell">{survey.questions}</td>
            <td className="govuk-table__cell">{survey.renderer}</td>
            <td className="govuk-table__cell">
              <ul className="govuk-list">
                <li>
                  <Link className="govuk-link" to={`/staff/surveys/${survey.id}/preview`}>
                    Preview<span className="govuk-visually-hidden"> {survey.title}</span>
                  </Link>
                </li>
                <li>
                  <a className="govuk-link" href={`/staff/surveys/${survey.id}.json`} download>
                    Download the JSON<span className="govuk-visually-hidden"> of {survey.title}</span>
                  </a>
                </li>
                <li>
                  <a className="govuk-link" href={`/staff/surveys/${survey.id}.docx`} download>
                    Download a Word version for paper<span className="govuk-visually-hidden"> of {survey.title}</span>
                  </a>
                </li>
                {survey.canMakeLinks ? (
                  <li>
                    <Link className="govuk-link" to={`/staff/surveys/${survey.id}/link`}>
                      Make a link or QR code<span className="govuk-visually-hidden"> for {survey.title}</span>
                    </Link>
                  </li>
                ) : null}
              </ul>
            </td>
          </tr>
        ))}
      </ScrollingTable>
    </>
  );
}
