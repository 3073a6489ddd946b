import { storeClient, type Database, type Store } from '../store';
import * as schema from './schema';

export type IdentitySchema = typeof schema;
export type IdentityDb = Database<IdentitySchema>;
export type IdentityStore = Store<IdentitySchema>;

const client = storeClient('identity', schema);
export const openIdentityStore = client.open;
export const identityStore = client.store;
export const identityDb = client.db;
export const closeIdentityStore = client.close;
