// Progressive enhancement only: every page works without this script.
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();

// GOV.UK pattern: a page showing an error summary starts its title with "Error: ", so screen
// readers announce it first. Pages React hydrates do this themselves once hydrated: changing their
// title first would no longer match what the server sent, and React would redraw the whole page.
if (!window.__remixContext && document.querySelector('.govuk-error-summary') && !document.title.startsWith('Error: ')) {
  document.title = `Error: ${document.title}`;
}

// Long lists (the councils) become GOV.UK's accessible autocomplete: type to narrow the list. The
// select stays in the form, so what is sent is the same with or without this script.
const longLists = document.querySelectorAll('select[data-autocomplete]');
if (longLists.length > 0) {
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = '/assets/accessible-autocomplete.min.css';
  document.head.append(style);
  const script = document.createElement('script');
  script.src = '/assets/accessible-autocomplete.min.js';
  script.addEventListener('load', () => {
    for (const select of longLists) {
      window.accessibleAutocomplete.enhanceSelectElement({
        selectElement: select,
        defaultValue: '',
        showAllValues: true,
        dropdownArrow: () => '',
        tNoResults: () => 'No results found. Check the spelling.',
        tAssistiveHint: () => 'When results appear, use the up and down arrows to review and Enter to select.',
      });
    }
    // The grey "type-ahead" copy of the text is decoration: keep it from screen readers and Tab.
    const hideHints = () => {
      for (const hint of document.querySelectorAll('.autocomplete__hint:not([aria-hidden])')) {
        hint.setAttribute('aria-hidden', 'true');
        hint.setAttribute('tabindex', '-1');
      }
    };
    hideHints();
    new MutationObserver(hideHints).observe(document.body, { childList: true, subtree: true });
  });
  document.head.append(script);
}

// Follow-up questions inside a radio answer: shown only while that answer is chosen. Without this
// script they stay open, and the server keeps only what the chosen answers show. (GOV.UK Frontend's
// own reveal marks the radio aria-expanded, which ARIA does not allow on a radio.)
const revealing = document.querySelectorAll('input[type="radio"][data-app-reveal]');
const syncReveals = () => {
  for (const radio of revealing) {
    document.getElementById(radio.dataset.appReveal)?.classList.toggle('govuk-radios__conditional--hidden', !radio.checked);
  }
};
for (const name of new Set([...revealing].map((radio) => radio.name))) {
  for (const radio of document.querySelectorAll(`input[type="radio"][name="${CSS.escape(name)}"]`)) radio.addEventListener('change', syncReveals);
}
syncReveals();
