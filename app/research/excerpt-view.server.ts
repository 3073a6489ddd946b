import { questionLabel } from '~/surveys/question-labels.server';
import type { QueueItem } from './coding.server';
import { quarterLabel } from './periods';

export interface ExcerptView {
  id: string;
  text: string;
  /** The question it answers, or the session and the speaker's label: never a pseudonym. */
  source: string;
  quarter: string;
  area: string;
  quotable: boolean;
}

/** How an excerpt is shown to analysts and in a code's evidence: where it came from, when and where. */
export function excerptView(item: Pick<QueueItem, 'id' | 'text' | 'source' | 'surveyId' | 'question' | 'sessionTitle' | 'speaker' | 'occurredOn' | 'laName' | 'regionName' | 'quotable'>): ExcerptView {
  return {
    id: item.id,
    text: item.text,
    source: item.source === 'transcript' ? `Session “${item.sessionTitle ?? 'removed'}”, ${item.speaker ?? 'a participant'}` : questionLabel(item.surveyId, item.question),
    quarter: quarterLabel(item.occurredOn),
    area: item.laName ? `${item.laName}${item.regionName ? `, ${item.regionName}` : ''}` : (item.regionName ?? 'Area not known'),
    quotable: item.quotable,
  };
}
