import { identityStore, openIdentityStore } from './identity/client';
import { moveSessionPlacesToIdentity } from './move-session-places';
import { loadReferenceData } from './reference/load';
import { openResearchStore, researchDb, researchStore } from './research/client';

export interface StoreConfig {
  identityUrl?: string;
  researchUrl?: string;
  /** Folder for embedded stores; null keeps them in memory (tests). */
  dataDir: string | null;
  poolSize?: number;
}

/** Opens both stores: each on its own server when a URL is given, otherwise embedded under dataDir. */
export async function openStores(config: StoreConfig): Promise<void> {
  await openIdentityStore({ url: config.identityUrl, dataDir: config.dataDir, poolSize: config.poolSize });
  await openResearchStore({ url: config.researchUrl, dataDir: config.dataDir, poolSize: config.poolSize });
}

/** Brings both stores to the latest schema and refreshes the reference data. */
export async function migrateStores(): Promise<void> {
  await identityStore().migrate();
  // Must run between the two: it reads columns the research migrations then drop.
  await moveSessionPlacesToIdentity(identityStore(), researchStore());
  await researchStore().migrate();
  await loadReferenceData(researchDb());
}
