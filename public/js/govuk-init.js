// Progressive enhancement only: every page works without this script.
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();

// GOV.UK pattern: a page showing an error summary starts its title with "Error: ", so screen
// readers announce it first. (Pages rendered with React do this themselves.)
if (document.querySelector('.govuk-error-summary') && !document.title.startsWith('Error: ')) {
  document.title = `Error: ${document.title}`;
}
