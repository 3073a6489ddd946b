// npm run surveys:check [folder…] — checks every question set (surveys/ by default) the way the
// service does at start-up, and fails when any cannot be used, naming the file and the reason.
import { loadSurveyCatalogue } from '~/surveys/definitions.server';

const folders = process.argv.slice(2);
let problems = 0;
for (const folder of folders.length > 0 ? folders : [undefined]) {
  const { surveys, unavailable } = loadSurveyCatalogue(folder);
  for (const survey of surveys.values()) {
    const needs = [...new Set([...survey.unsupportedTypes, ...survey.surveyJsFeatures])];
    const shown = survey.renderer === 'govuk' ? 'GOV.UK pages' : `SurveyJS form${needs.length > 0 ? ` (for ${needs.join(', ')})` : ''}`;
    process.stdout.write(`ok       ${survey.id}.v${survey.version}.json — ${shown}, ${survey.locales.join(' and ')}\n`);
  }
  for (const problem of unavailable.values()) {
    process.stdout.write(`FAILED   ${problem.fileName} — ${problem.reason}\n`);
    problems += 1;
  }
}
if (problems > 0) {
  process.stderr.write(`${problems} question set${problems === 1 ? '' : 's'} cannot be used.\n`);
  process.exitCode = 1;
}
