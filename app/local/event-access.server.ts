import { publicUrl } from '~/utils/public-url.server';
import { EVENT_FEEDBACK_SURVEY } from '~/research/event-kinds';

/** Who records events and hands out their feedback links: the project's staff who run them. */
export const EVENT_ORGANISERS = ['administrator', 'facilitator'] as const;

/** An event's shared feedback link, from the configured address (never the request's host). */
export const eventFeedbackLink = (token: string) => publicUrl(`/surveys/${EVENT_FEEDBACK_SURVEY}?${new URLSearchParams({ event: token })}`);

/** A single-use code's own link. */
export const eventCodeLink = (code: string) => publicUrl(`/surveys/${EVENT_FEEDBACK_SURVEY}?${new URLSearchParams({ ecode: code })}`);
