import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkGuideFile, MAX_EXPANDED_BYTES, MAX_GUIDE_BYTES, safeFileName } from '~/guides/guide-files.server';
import { renderMarkdown } from '~/utils/markdown.server';

const WORD_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const word = (extra: Record<string, Uint8Array> = {}) => zipSync({ '[Content_Types].xml': strToU8(WORD_TYPES), 'word/document.xml': strToU8('<w:document/>'), ...extra });
const pdf = strToU8('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('checking a guide’s file by its content', () => {
  it('accepts a Word document, a PDF and Markdown, with a checksum and a safe name', () => {
    const docx = checkGuideFile('Good practice (final).docx', word());
    expect(docx).toMatchObject({ ok: true, format: 'docx', fileName: 'Good-practice-final.docx' });
    expect(checkGuideFile('guide.pdf', pdf)).toMatchObject({ ok: true, format: 'pdf', sizeBytes: pdf.length });
    const markdown = checkGuideFile('guide.md', strToU8('# A guide\n\nText.'));
    // SHA-256 of the exact bytes, worked out independently: printf '# A guide\n\nText.' | sha256sum
    expect(markdown).toMatchObject({ ok: true, format: 'markdown', sha256: 'bed3d9b54917760dd4c8bacdf3afacbbf59761bc56f2b8e4cb745d6a19f20d4d' });
  });

  it('refuses an empty file, one over the limit, and files whose name lies about their content', () => {
    expect(checkGuideFile('guide.pdf', new Uint8Array())).toEqual({ ok: false, message: 'The selected file is empty' });
    const big = new Uint8Array(MAX_GUIDE_BYTES + 1);
    big.set(pdf);
    expect(checkGuideFile('guide.pdf', big)).toEqual({ ok: false, message: 'The selected file must be smaller than 10 MB' });
    expect(checkGuideFile('guide.pdf', strToU8('# Not a PDF'))).toEqual({ ok: false, message: expect.stringMatching(/named \.pdf but its content is a text/) });
    expect(checkGuideFile('guide.docx', pdf)).toEqual({ ok: false, message: expect.stringMatching(/named \.docx but its content is a PDF/) });
    expect(checkGuideFile('guide.md', word())).toEqual({ ok: false, message: expect.stringMatching(/named \.md but its content is a Word/) });
    // A program renamed to .pdf: neither a PDF, a Word document nor text.
    expect(checkGuideFile('guide.pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0xff]))).toEqual({ ok: false, message: expect.stringMatching(/must be a Word document/) });
  });

  it('refuses a zip that is not a Word document, a damaged one, and one that expands hugely', () => {
    expect(checkGuideFile('guide.docx', zipSync({ 'readme.txt': strToU8('hello') }))).toEqual({ ok: false, message: expect.stringMatching(/zip archive, not a Word document/) });
    const damaged = word().slice(0, 40);
    expect(checkGuideFile('guide.docx', damaged)).toEqual({ ok: false, message: expect.stringMatching(/damaged/) });
    // 60 MB of zeros squeezes into well under a megabyte.
    const bomb = word({ 'word/media/padding.bin': new Uint8Array(MAX_EXPANDED_BYTES + 10 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(MAX_GUIDE_BYTES);
    expect(checkGuideFile('guide.docx', bomb)).toEqual({ ok: false, message: expect.stringMatching(/expands to more than 50 MB/) });
  });

  it('makes a file name safe for a header and a disk', () => {
    expect(safeFileName('..\\..\\etc/passwd";.md', 'markdown')).toBe('passwd.md');
    expect(safeFileName('Guía rápida.pdf', 'pdf')).toBe('Gui-a-ra-pida.pdf');
    expect(safeFileName('.docx', 'docx')).toBe('guide.docx');
  });
});

describe('Markdown written by staff', () => {
  it('shows raw HTML and script as text, and drops javascript:, data: and protocol-relative links', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [away](//evil.example) <img src=x onerror=alert(1)> ![pic](https://example.org/x.png)');
    expect(html).not.toMatch(/<script|<img|href="javascript|href="data|href="\/\/evil/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<a ');
    expect(html).toContain('pic');
  });

  it('keeps ordinary links, lists, tables and headings, styled and below the page’s own heading', () => {
    const html = renderMarkdown('# Title\n\n- one\n\n[site](/reports) [mail](mailto:team@example.org) [web](https://www.gov.uk)\n\n| a | b |\n| - | - |\n| 1 | 2 |');
    expect(html).toContain('<h2 class="govuk-heading-l">Title</h2>');
    expect(html).toContain('<ul class="govuk-list govuk-list--bullet">');
    expect(html).toContain('<a href="/reports" class="govuk-link">site</a>');
    expect(html).toContain('href="mailto:team@example.org"');
    expect(html).toContain('href="https://www.gov.uk"');
    expect(html).toContain('<table class="govuk-table">');
  });
});
