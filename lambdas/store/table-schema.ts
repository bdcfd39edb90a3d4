import { DELIVERY_LIST_ATTRIBUTES, deliveryKeys, INDEX, LIST_INDEX, SUMMARY_ATTRIBUTES } from './keys.js';

/**
 * The table's shape, shared by the CDK stack and the local runtime so both build the same table.
 */
export interface IndexSchema {
  name: string;
  partitionKey: string;
  sortKey: string;
  projection: 'ALL' | 'KEYS_ONLY' | readonly string[];
}

/** The list summary less `updatedAt`, which the updatedAt indexes have as their key (a key is projected anyway). */
const UPDATED_LIST_ATTRIBUTES = /* @__PURE__ */ SUMMARY_ATTRIBUTES.filter((a) => a !== 'updatedAt');

export const TABLE_KEYS = { partitionKey: 'PK', sortKey: 'SK' } as const;

export const TABLE_INDEXES: readonly IndexSchema[] = [
  { name: INDEX.byStatus, partitionKey: 'GSI1PK', sortKey: 'GSI1SK', projection: SUMMARY_ATTRIBUTES },
  { name: INDEX.byAuthor, partitionKey: 'GSI2PK', sortKey: 'GSI2SK', projection: SUMMARY_ATTRIBUTES },
  { name: INDEX.outbox, partitionKey: 'GSI3PK', sortKey: 'GSI3SK', projection: 'KEYS_ONLY' },
  { name: INDEX.dueForPublish, partitionKey: 'GSI4PK', sortKey: 'GSI4SK', projection: ['id', 'version', 'publishAt'] },
  // Only delivery records carry GSI5 keys. CloudFormation adds one index to a table per update: add them one deploy at a time.
  { name: deliveryKeys.index, partitionKey: 'GSI5PK', sortKey: 'GSI5SK', projection: DELIVERY_LIST_ATTRIBUTES },
  // Added after the others: a deployment adds it alone (CloudFormation creates one index per update).
  { name: INDEX.scheduledByTime, partitionKey: 'GSI4PK', sortKey: 'GSI4SK', projection: SUMMARY_ATTRIBUTES },
  // `sort=updatedAt`: keyed on the attribute itself, so no write has a sort key of its own to keep in step.
  // One index per deploy, in this order (see indexesToDeploy in lib/stateful-stack.ts).
  { name: LIST_INDEX.byStatusUpdated, partitionKey: 'GSI1PK', sortKey: 'updatedAt', projection: UPDATED_LIST_ATTRIBUTES },
  { name: LIST_INDEX.byAuthorUpdated, partitionKey: 'GSI2PK', sortKey: 'updatedAt', projection: UPDATED_LIST_ATTRIBUTES },
  // Only tag items carry GSI7 keys; a tag list reads the articles themselves (BatchGetItem), so the index holds keys only.
  { name: LIST_INDEX.byTag, partitionKey: 'GSI7PK', sortKey: 'GSI7SK', projection: 'KEYS_ONLY' },
];
