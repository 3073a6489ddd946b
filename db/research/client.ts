import { storeClient, type Database, type Store } from '../store';
import * as schema from './schema';

export type ResearchSchema = typeof schema;
export type ResearchDb = Database<ResearchSchema>;
export type ResearchStore = Store<ResearchSchema>;

const client = storeClient('research', schema);
export const openResearchStore = client.open;
export const researchStore = client.store;
export const researchDb = client.db;
export const closeResearchStore = client.close;
