import { z } from 'zod';
import type { FieldError } from '~/components/error-summary';
import { readReportRequest, type ParsedReportRequest } from './report-request';

export const SOURCE_CHOICES = ['all', 'respondents', 'members', 'attendees'] as const;
export type SourceChoiceValue = (typeof SOURCE_CHOICES)[number];
export const SOURCE_LABELS: Record<SourceChoiceValue, string> = {
  all: 'All sources',
  respondents: 'Survey respondents',
  members: 'Panel members',
  attendees: 'Session attendees',
};

const sourceSchema = z.enum(SOURCE_CHOICES, { errorMap: () => ({ message: 'Choose survey respondents, panel members, session attendees or all' }) }).default('all');

/** England's nine regions, E12000001 to E12000009. */
const REGION = /^E1200000[1-9]$/;

export type ParsedRepresentationRequest = ParsedReportRequest & { source: SourceChoiceValue };

/**
 * A representation request, checked as the quarterly report's is (a quarter that has started, a
 * programme the reader may read, a level, a region), plus who is counted.
 */
export function readRepresentationRequest(
  input: Record<string, string | undefined>,
  options: { now: Date; visibleProgrammes: readonly string[] },
): { ok: true; request: ParsedRepresentationRequest } | { ok: false; errors: FieldError[]; forbidden?: boolean } {
  const source = sourceSchema.safeParse(input.source === '' ? undefined : input.source);
  const report = readReportRequest(input, options);
  // A well-formed code that names no region would give empty tables rather than an answer.
  const unknownRegion = report.ok && report.request.regionCode && !REGION.test(report.request.regionCode);
  const errors = [
    ...(report.ok ? [] : report.errors),
    ...(unknownRegion ? [{ field: 'region', message: 'Choose a region from the list' }] : []),
    ...(source.success ? [] : [{ field: 'source', message: source.error.issues[0]!.message }]),
  ];
  if (unknownRegion) return { ok: false, errors };
  if (!report.ok || !source.success) return { ok: false, errors, forbidden: !report.ok && report.forbidden };
  return { ok: true, request: { ...report.request, regionCode: report.request.level === 'england' ? null : report.request.regionCode, source: source.data } };
}
