import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { identityDb } from '#db/identity/client';
import { auditEvents, staffUsers } from '#db/identity/schema';
import { AUDIT_ACTIONS } from './audit-labels';

export const AUDIT_PAGE_SIZE = 50;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => DateTime.fromISO(value, { zone: 'Europe/London' }).isValid)
  .optional()
  .catch(undefined);

/** The audit trail's filters from the address; anything not understood is ignored, never trusted. */
export const auditFilterSchema = z.object({
  who: z
    .string()
    .regex(/^([0-9a-f-]{36}|anonymous|system)$/)
    .optional()
    .catch(undefined),
  what: z
    .string()
    .refine((value) => value in AUDIT_ACTIONS)
    .optional()
    .catch(undefined),
  from: isoDay,
  to: isoDay,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export function readAuditFilter(params: URLSearchParams): AuditFilter {
  return auditFilterSchema.parse(Object.fromEntries([...params].filter(([, value]) => value !== '')));
}

/** Whole UK days: "to" includes the day it names. */
function conditions(filter: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.who) parts.push(eq(auditEvents.who, filter.who));
  if (filter.what) parts.push(eq(auditEvents.what, filter.what));
  if (filter.from) parts.push(gte(auditEvents.occurredAt, DateTime.fromISO(filter.from, { zone: 'Europe/London' }).startOf('day').toJSDate()));
  if (filter.to) parts.push(lt(auditEvents.occurredAt, DateTime.fromISO(filter.to, { zone: 'Europe/London' }).plus({ days: 1 }).startOf('day').toJSDate()));
  return parts.length > 0 ? and(...parts) : undefined;
}

const eventColumns = {
  id: auditEvents.id,
  occurredAt: auditEvents.occurredAt,
  who: auditEvents.who,
  whoName: staffUsers.displayName,
  what: auditEvents.what,
  subjectType: auditEvents.subjectType,
  subjectId: auditEvents.subjectId,
  details: auditEvents.details,
};

/** One page of events, newest first, with the names of the staff who acted, and how many match. */
export async function auditPage(filter: AuditFilter) {
  const where = conditions(filter);
  const [events, [total]] = await Promise.all([
    identityDb()
      .select(eventColumns)
      .from(auditEvents)
      .leftJoin(staffUsers, eq(sql`${staffUsers.id}::text`, auditEvents.who))
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((filter.page - 1) * AUDIT_PAGE_SIZE),
    identityDb().select({ total: count() }).from(auditEvents).where(where),
  ]);
  return { events, total: total?.total ?? 0 };
}

/** Every matching event, newest first, for the CSV download (capped, so one request stays bounded). */
export async function auditExport(filter: AuditFilter, limit = 100_000) {
  return identityDb()
    .select(eventColumns)
    .from(auditEvents)
    .leftJoin(staffUsers, eq(sql`${staffUsers.id}::text`, auditEvents.who))
    .where(conditions(filter))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

/** People who can appear in the trail, for the "who" filter. */
export async function auditPeople() {
  return identityDb().select({ id: staffUsers.id, name: staffUsers.displayName, email: staffUsers.email }).from(staffUsers).orderBy(staffUsers.displayName);
}
