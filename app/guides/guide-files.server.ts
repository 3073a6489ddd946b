import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import type { GuideFormat } from './vocabulary';

/** A guide's file may be this large; the upload limit of the server is a little above it. */
export const MAX_GUIDE_BYTES = 10 * 1024 * 1024;
/** A Word file is a zip archive: what it may expand to, and how many parts it may have. */
export const MAX_EXPANDED_BYTES = 50 * 1024 * 1024;
const MAX_ENTRIES = 2000;

export type CheckedGuideFile =
  | { ok: true; format: GuideFormat; fileName: string; sizeBytes: number; sha256: string; content: Uint8Array }
  | { ok: false; message: string };

const EXTENSIONS: Record<GuideFormat, readonly string[]> = { docx: ['docx'], pdf: ['pdf'], markdown: ['md', 'markdown', 'txt'] };
const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

const startsWith = (bytes: Uint8Array, text: string) => bytes.length >= text.length && [...text].every((character, index) => bytes[index] === character.charCodeAt(0));

/** A name safe for a Content-Disposition header and a file system: letters, digits, dots, dashes. */
export function safeFileName(name: string, format: GuideFormat): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  const extension = format === 'markdown' ? 'md' : format;
  return `${base || 'guide'}.${extension}`;
}

function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(name);
  return match ? match[1]!.toLowerCase() : '';
}

/** A zip archive that is a Word document (not a macro-enabled one), checked without expanding it whole. */
function checkWord(bytes: Uint8Array): string | null {
  const declared: { name: string; size: number }[] = [];
  let contentTypes = '';
  try {
    // The filter sees each part's declared size before anything is expanded; only the small
    // [Content_Types].xml is, and fflate gives each part a buffer of its declared size, so a part
    // that lies about its size cannot grow past it.
    const parts = unzipSync(bytes, {
      filter: (file) => {
        declared.push({ name: file.name, size: file.originalSize });
        return file.name === '[Content_Types].xml' && file.originalSize < 1024 * 1024;
      },
    });
    const types = parts['[Content_Types].xml'];
    if (types) contentTypes = strFromU8(types);
  } catch {
    return 'The file looks like a Word document but is damaged. Save it again from Word and upload that copy';
  }
  const expanded = declared.reduce((total, part) => total + part.size, 0);
  if (declared.length > MAX_ENTRIES || expanded > MAX_EXPANDED_BYTES) {
    return `The Word document expands to more than ${MAX_EXPANDED_BYTES / 1024 / 1024} MB, so it cannot be checked safely. Save it again with smaller pictures`;
  }
  if (!declared.some((part) => part.name === 'word/document.xml') || !contentTypes.includes(WORD_MAIN)) {
    return 'The file is a zip archive, not a Word document. Upload a Word document (.docx), a PDF or a Markdown file';
  }
  return null;
}

/** Text a person wrote: UTF-8 with no control characters but tabs and line breaks. */
function isText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/**
 * What a guide's file is, by its content, not its name: a PDF, a Word document or Markdown text.
 * A name that says otherwise, an empty file, one over the limit, or a Word file that would expand
 * hugely is refused with a message for the person uploading it.
 */
export function checkGuideFile(fileName: string, bytes: Uint8Array): CheckedGuideFile {
  if (bytes.length === 0) return { ok: false, message: 'The selected file is empty' };
  if (bytes.length > MAX_GUIDE_BYTES) return { ok: false, message: `The selected file must be smaller than ${MAX_GUIDE_BYTES / 1024 / 1024} MB` };
  let format: GuideFormat;
  if (startsWith(bytes, '%PDF-')) {
    format = 'pdf';
  } else if (startsWith(bytes, 'PK\u0003\u0004')) {
    const problem = checkWord(bytes);
    if (problem) return { ok: false, message: problem };
    format = 'docx';
  } else if (isText(bytes)) {
    format = 'markdown';
  } else {
    return { ok: false, message: 'The selected file must be a Word document (.docx), a PDF or a Markdown file' };
  }
  const extension = extensionOf(fileName);
  if (!EXTENSIONS[format].includes(extension)) {
    const named = extension ? `.${extension}` : 'without an extension';
    return { ok: false, message: `The file is named ${named} but its content is a ${format === 'markdown' ? 'text (Markdown) file' : format === 'pdf' ? 'PDF' : 'Word document'}. Check you chose the right file` };
  }
  return {
    ok: true,
    format,
    fileName: safeFileName(fileName, format),
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    content: bytes,
  };
}
