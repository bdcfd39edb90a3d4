import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Profile } from '../../lambdas/domain/profile.js';
import { DynamoAuthorProfiles, DynamoProfileStore } from '../../lambdas/store/profiles.js';
import { startDynamo } from '../support/dynamo.js';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let store: DynamoProfileStore;

beforeAll(async () => {
  dynamo = await startDynamo();
  store = new DynamoProfileStore(dynamo.db, dynamo.tableName);
});
afterAll(() => dynamo.stop());

const killian = (version: number): Profile => ({
  userId: 'killian',
  name: 'Killian Jones',
  bio: 'Graduated from Princeton University.',
  function: 'Chief-Editor',
  updatedAt: '2026-11-25T09:30:00.000Z',
  version,
});

describe('profiles in the table', () => {
  it('keeps one item per user under PROFILE#<userId>, written only on top of the version expected', async () => {
    expect(await store.get('killian')).toBeUndefined();
    expect(await store.put(killian(1), 0)).toBe(true);
    // A second first save, or a save on a version that has moved on, changes nothing.
    expect(await store.put({ ...killian(1), name: 'Someone else' }, 0)).toBe(false);
    expect(await store.put({ ...killian(3), name: 'Someone else' }, 2)).toBe(false);
    expect(await store.get('killian')).toEqual(killian(1));
    expect(await store.put({ ...killian(2), function: 'Editor-at-large' }, 1)).toBe(true);
    expect(await store.get('killian')).toMatchObject({ function: 'Editor-at-large', version: 2 });

    const { Item } = await dynamo.db.send(new GetCommand({ TableName: dynamo.tableName, Key: { PK: 'PROFILE#killian', SK: 'PROFILE' } }));
    expect(Item).toMatchObject({ userId: 'killian', version: 2 });
  });

  it('gives the site renderer the name, bio and function of a saved profile, and nothing for one never saved', async () => {
    const authors = new DynamoAuthorProfiles(dynamo.db, dynamo.tableName);
    await store.put({ ...killian(1), userId: 'rita', name: 'Rita Reporter', bio: '', function: 'Reporter' }, 0);
    expect(await authors.get('rita')).toEqual({ name: 'Rita Reporter', bio: '', function: 'Reporter' });
    expect(await authors.get('nobody')).toBeUndefined();
  });
});
