import { countStaffUsers, createStaffUser } from '~/auth/staff-users.server';
import { DEMO_STAFF } from './staff';

/**
 * Fills empty stores with demo data. Idempotent: an identity store that already has staff is left
 * alone, so restarts keep whatever people have changed. Later features add their synthetic records
 * here, drawn from createRandom(seed) so every machine gets the same data.
 */
export async function seedDemoData(): Promise<{ seeded: boolean }> {
  if ((await countStaffUsers()) > 0) return { seeded: false };
  for (const staff of DEMO_STAFF) await createStaffUser(staff, { createdBy: 'system' });
  return { seeded: true };
}
