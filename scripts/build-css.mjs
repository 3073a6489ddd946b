// Compiles the GOV.UK Frontend SCSS with our settings and copies its JavaScript into public/assets.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { compile } from 'sass';

const css = compile('app/styles/main.scss', { loadPaths: ['node_modules'], style: 'compressed', quietDeps: true, silenceDeprecations: ['import'] });
mkdirSync('app/styles/generated', { recursive: true });
writeFileSync('app/styles/generated/main.css', css.css);
mkdirSync('public/assets', { recursive: true });
copyFileSync('node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js', 'public/assets/govuk-frontend.min.js');
// GOV.UK's accessible autocomplete, loaded only on pages with a long list to choose from.
copyFileSync('node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js', 'public/assets/accessible-autocomplete.min.js');
copyFileSync('node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.css', 'public/assets/accessible-autocomplete.min.css');
console.log('Built app/styles/generated/main.css and copied govuk-frontend.min.js');
