import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Profile } from '../domain/profile.js';
import type { SiteAuthor } from '../site/model.js';
import type { ProfileStore } from '../usecases/profiles.js';
import type { AuthorProfiles } from '../usecases/site-ports.js';
import { profileKeys } from './keys.js';

/** A stored profile item as the newsroom reads it. */
function fromItem(item: Record<string, unknown>): Profile {
  const { userId, name, bio, function: fn, updatedAt, version } = item as unknown as Profile;
  return { userId, name, bio: bio ?? '', function: fn ?? '', updatedAt: updatedAt ?? null, version };
}

async function getItem(db: DynamoDBDocumentClient, tableName: string, userId: string): Promise<Profile | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: profileKeys.of(userId), ConsistentRead: true }));
  return Item ? fromItem(Item) : undefined;
}

/** Author profiles in the single table: one item per user (`PROFILE#<userId>` / `PROFILE`), replaced whole on each save. */
export class DynamoProfileStore implements ProfileStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  get(userId: string): Promise<Profile | undefined> {
    return getItem(this.db, this.tableName, userId);
  }

  /** One conditional put: the item must still be at `expected` (absent for 0), so two saves never both build on one version. */
  async put(profile: Profile, expected: number): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...profileKeys.of(profile.userId), ...profile },
          ...(expected === 0
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : {
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expected': expected },
              }),
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }
}

/** What the site renderer reads of an author: the name, bio and function of their saved profile, if any. */
export class DynamoAuthorProfiles implements AuthorProfiles {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(userId: string): Promise<SiteAuthor | undefined> {
    const profile = await getItem(this.db, this.tableName, userId);
    return profile && { name: profile.name, bio: profile.bio, function: profile.function };
  }
}
