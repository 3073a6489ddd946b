import MarkdownIt from 'markdown-it';

/**
 * Markdown written by staff (guides, the delivery plan) as GOV.UK-styled HTML. Raw HTML is shown as
 * text, never run; links may only be http(s), mailto, tel or on this site (markdown-it refuses
 * javascript:, vbscript:, file: and data: links, and we check again); pictures are shown as their
 * descriptions, as the site loads nothing from elsewhere. The top heading becomes `firstHeading`, below the page's own h1.
 */
const SAFE_LINK = /^(https?:|mailto:|tel:|\/(?!\/)|#)/i;

interface RenderEnv {
  /** Added to every heading's level, so the document's top heading lands on `firstHeading`. */
  shift: number;
}

const levelOf = (tag: string, env: RenderEnv) => Math.min(6, Math.max(1, Number(tag.slice(1)) + env.shift));

function build(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  // A picture is shown as its description: the site loads nothing from elsewhere.
  md.renderer.rules.image = (tokens, index, options, env, self) => md.utils.escapeHtml(self.renderInlineAsText(tokens[index]!.children ?? [], options, env));
  const defaultValidate = md.validateLink.bind(md);
  md.validateLink = (url) => defaultValidate(url) && SAFE_LINK.test(url.trim());
  const headingClass: Record<number, string> = { 2: 'govuk-heading-l', 3: 'govuk-heading-m', 4: 'govuk-heading-s', 5: 'govuk-heading-s', 6: 'govuk-heading-s' };
  md.renderer.rules.heading_open = (tokens, index, _options, env: RenderEnv) => {
    const level = levelOf(tokens[index]!.tag, env);
    return `<h${level} class="${headingClass[level] ?? 'govuk-heading-s'}">`;
  };
  md.renderer.rules.heading_close = (tokens, index, _options, env: RenderEnv) => `</h${levelOf(tokens[index]!.tag, env)}>\n`;
  const classes: Record<string, string> = {
    paragraph_open: 'govuk-body',
    bullet_list_open: 'govuk-list govuk-list--bullet',
    ordered_list_open: 'govuk-list govuk-list--number',
    link_open: 'govuk-link',
    table_open: 'govuk-table',
    thead_open: 'govuk-table__head',
    tbody_open: 'govuk-table__body',
    tr_open: 'govuk-table__row',
    th_open: 'govuk-table__header',
    td_open: 'govuk-table__cell',
    blockquote_open: 'govuk-inset-text',
    hr: 'govuk-section-break govuk-section-break--m govuk-section-break--visible',
  };
  for (const [rule, className] of Object.entries(classes)) {
    md.renderer.rules[rule] = (tokens, index, options, _env, self) => {
      tokens[index]!.attrJoin('class', className);
      return self.renderToken(tokens, index, options);
    };
  }
  return md;
}

let renderer: MarkdownIt | undefined;

export function renderMarkdown(markdown: string, { firstHeading = 2 }: { firstHeading?: number } = {}): string {
  renderer ??= build();
  const env: RenderEnv = { shift: 0 };
  const tokens = renderer.parse(markdown, env);
  // Whether the author began at # or ##, the top heading becomes firstHeading and the rest follow it.
  const top = Math.min(7, ...tokens.filter((token) => token.type === 'heading_open').map((token) => Number(token.tag.slice(1))));
  env.shift = top === 7 ? 0 : firstHeading - top;
  return renderer.renderer.render(tokens, renderer.options, env);
}
