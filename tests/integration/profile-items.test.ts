import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoAuthorProfiles, DynamoProfileStore } from '../../lambdas/store/profiles.js';
import { startDynamo } from '../support/dynamo.js';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
beforeAll(async () => {
  dynamo = await startDynamo();
});
afterAll(() => dynamo.stop());

describe('stored author profiles', () => {
  it('read a profile item saved with only a name as an empty bio and function', async () => {
    await dynamo.db.send(
      new PutCommand({
        TableName: dynamo.tableName,
        Item: { PK: 'PROFILE#nadia', SK: 'PROFILE', userId: 'nadia', name: 'Nadia', version: 1 },
      }),
    );
    expect(await new DynamoProfileStore(dynamo.db, dynamo.tableName).get('nadia')).toEqual({
      userId: 'nadia',
      name: 'Nadia',
      bio: '',
      function: '',
      updatedAt: null,
      version: 1,
    });
    expect(await new DynamoAuthorProfiles(dynamo.db, dynamo.tableName).get('nadia')).toEqual({ name: 'Nadia', bio: '', function: '' });
  });

  it('report a table that cannot be written as an error, not as a lost race', async () => {
    const store = new DynamoProfileStore(dynamo.db, 'no-such-table');
    const profile = { userId: 'rita', name: 'Rita', bio: '', function: '', updatedAt: '2026-11-25T09:00:00.000Z', version: 1 };
    await expect(store.put(profile, 0)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
