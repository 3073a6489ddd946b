import { unzipSync } from 'fflate';
import mammoth from 'mammoth';

/** Files larger than this are refused before they are read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** A .docx whose contents would unpack to more than this (a zip bomb) is refused unread. */
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024;

export type ReadResult = { ok: true; text: string; format: 'text' | 'vtt' | 'srt' | 'docx' } | { ok: false; message: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, index) => bytes[index] === byte);

/**
 * The text of an uploaded transcript or notes, judged by its content, not its name: a .docx must
 * be a Word document that unpacks to a sensible size; anything else must be UTF-8 text (no NUL
 * bytes). Empty files, programs and other binaries are refused with a message saying what to send.
 */
export async function readTranscriptFile(name: string, bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.byteLength === 0) return { ok: false, message: 'The selected file is empty' };
  if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, message: 'The selected file must be smaller than 5 MB' };
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (extension === 'docx') {
    if (!startsWith(bytes, ZIP)) return { ok: false, message: 'The selected file is not a Word document. Save it as .docx, or as plain text' };
    return readDocx(bytes);
  }
  if (!['txt', 'vtt', 'srt'].includes(extension)) return { ok: false, message: 'The selected file must be a .docx, .txt, .vtt or .srt file' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: 'The selected file is not plain text. Save it as UTF-8 text, or as .docx' };
  }
  if (text.includes('\u0000')) return { ok: false, message: 'The selected file is not plain text. Save it as UTF-8 text, or as .docx' };
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, message: 'The selected file is empty' };
  return { ok: true, text, format: extension === 'vtt' ? 'vtt' : extension === 'srt' ? 'srt' : 'text' };
}

async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  // The zip's own directory, read without unpacking anything: what each entry says it unpacks to.
  let unpacked = 0;
  let hasDocument = false;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        unpacked += entry.originalSize;
        if (entry.name === 'word/document.xml') hasDocument = true;
        return false;
      },
    });
  } catch {
    return { ok: false, message: 'The selected file is not a Word document. Save it as .docx, or as plain text' };
  }
  if (unpacked > MAX_UNPACKED_BYTES) return { ok: false, message: 'The selected file is too large once opened. Save it as plain text and try again' };
  if (!hasDocument) return { ok: false, message: 'The selected file is not a Word document. Save it as .docx, or as plain text' };
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    if (value.trim() === '') return { ok: false, message: 'The selected file is empty' };
    return { ok: true, text: value, format: 'docx' };
  } catch {
    return { ok: false, message: 'The selected file could not be read as a Word document. Save it as plain text and try again' };
  }
}
