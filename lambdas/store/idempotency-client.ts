import { documentClient, tableName } from './clients.js';
import { appliedIn, DynamoIdempotencyStore } from './idempotency-store.js';

/** Wiring for the functions that honour Idempotency-Key; read-only functions never load it. */
export const idempotencyStore = new DynamoIdempotencyStore(documentClient, tableName);

/** For the workflow routes: a keyed transition's outcome, as the article records it. */
export const appliedKeys = /* @__PURE__ */ appliedIn(documentClient, tableName);
