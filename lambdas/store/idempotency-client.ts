import { documentClient, tableName } from './clients.js';
import { DynamoIdempotencyStore } from './idempotency-store.js';

/** Wiring for the functions that honour Idempotency-Key; read-only functions never load it. */
export const idempotencyStore = new DynamoIdempotencyStore(documentClient, tableName);
