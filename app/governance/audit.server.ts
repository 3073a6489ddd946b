import { identityDb, type IdentityDb } from '#db/identity/client';
import { auditEvents } from '#db/identity/schema';

export interface AuditEntry {
  /** Staff user id, or 'anonymous' / 'system'. */
  who: string;
  /** What happened, as a dotted verb: 'auth.sign-in', 'participants.view', … */
  what: string;
  subjectId?: string | null;
  subjectType?: string | null;
  correlationId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends an event to the audit trail in the identity store. Pass the transaction when the audited
 * change is written in one, so the record and the change land together or not at all.
 */
export async function recordAudit(entry: AuditEntry, db: IdentityDb = identityDb()): Promise<void> {
  await db.insert(auditEvents).values({
    who: entry.who,
    what: entry.what,
    subjectId: entry.subjectId ?? null,
    subjectType: entry.subjectType ?? null,
    correlationId: entry.correlationId ?? null,
    details: entry.details ?? {},
  });
}
