import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { SurveyDefinition, SurveyQuestion } from './definitions.server';

/** A question with more answers than this (the list of local authorities) is written in, not ticked. */
const LONGEST_TICK_LIST = 30;
const BOX = '☐';

const text = (value: string, options: { bold?: boolean; size?: number } = {}) => new Paragraph({ children: [new TextRun({ text: value, ...options })] });
const writeIn = (lines: number) => Array.from({ length: lines }, () => text('_'.repeat(70)));

function gridTable(question: SurveyQuestion): Table {
  const header = new TableRow({ tableHeader: true, children: [new TableCell({ children: [text('')] }), ...question.columns.map((column) => new TableCell({ children: [text(column.text, { bold: true, size: 18 })] }))] });
  const rows = question.rows.map(
    (row) =>
      new TableRow({
        children: [new TableCell({ children: [text(row.text, { size: 20 })] }), ...question.columns.map(() => new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(BOX)] })] }))],
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

function questionBlocks(question: SurveyQuestion, number: number): (Paragraph | Table)[] {
  if (question.type === 'html') return [];
  const blocks: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(`${number}. ${question.title}`)] })];
  if (question.description) blocks.push(text(question.description, { size: 20 }));
  const choices = [...question.choices, ...(question.noneChoice ? [question.noneChoice] : []), ...(question.otherChoice ? [question.otherChoice] : [])];
  if (question.type === 'matrix') {
    blocks.push(text('Tick one box in each row.', { size: 20 }), gridTable(question));
  } else if (question.type === 'boolean') {
    blocks.push(text(`${BOX} ${question.labelTrue ?? 'Yes'}`), text(`${BOX} ${question.labelFalse ?? 'No'}`));
  } else if (question.type === 'ranking') {
    blocks.push(text('Number them in order, 1 for what matters most.', { size: 20 }), ...question.choices.map((choice) => text(`____  ${choice.text}`)));
  } else if (choices.length > LONGEST_TICK_LIST) {
    blocks.push(...writeIn(1));
  } else if (choices.length > 0) {
    blocks.push(text(question.type === 'checkbox' || question.type === 'tagbox' ? 'Tick all that apply.' : 'Tick one.', { size: 20 }));
    blocks.push(...choices.map((choice) => text(`${BOX} ${choice.text}${choice === question.otherChoice ? ': ____________________' : ''}`)));
  } else {
    blocks.push(...writeIn(question.type === 'comment' ? 4 : 1));
  }
  return blocks;
}

/**
 * A question set as a Word document for answering on paper (spec 6.2.3.a): each page a heading,
 * each question numbered, with boxes to tick or lines to write on. Answers typed in later are
 * imported through "Bring in responses", checked as web answers are.
 */
export async function paperForm(survey: SurveyDefinition, locale = survey.locales[0]!): Promise<Buffer> {
  const localised = survey.text[locale] ?? survey.text[survey.locales[0]!]!;
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(localised.title)] })];
  if (localised.description) children.push(text(localised.description));
  children.push(text('Skip any question you do not want to answer or that does not apply to you. Please do not write your name on this form.', { bold: true }));
  let number = 0;
  for (const page of localised.pages) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(page.title || page.name)] }));
    if (page.description) children.push(text(page.description));
    for (const question of page.questions) {
      if (question.type !== 'html') number += 1;
      children.push(...questionBlocks(question, number));
    }
  }
  children.push(text(`Question set ${survey.id}, version ${survey.version}.`, { size: 18 }));
  const document = new Document({ title: localised.title, creator: 'Family Voice', styles: { default: { document: { run: { font: 'Arial', size: 24 } } } }, sections: [{ children }] });
  return Packer.toBuffer(document);
}
