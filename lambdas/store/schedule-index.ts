import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ScheduleIndex } from '../usecases/ports.js';
import { INDEX, keys } from './keys.js';

/** Scheduled articles by `publishAt`, from the sparse dueForPublish index. */
export class DynamoScheduleIndex implements ScheduleIndex {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async dueBy(until: string, limit: number) {
    // '~' sorts after every id character, so every article due at `until` is included.
    return this.query('GSI4PK = :pk AND GSI4SK <= :until', { ':until': `${until}#~` }, limit);
  }

  async next() {
    return (await this.query('GSI4PK = :pk', {}, 1))[0];
  }

  private async query(condition: string, values: Record<string, string>, limit: number) {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEX.dueForPublish,
        KeyConditionExpression: condition,
        ExpressionAttributeValues: { ':pk': keys.duePartition, ...values },
        Limit: limit,
      }),
    );
    return Items.map((i) => ({ articleId: String(i.id), publishAt: String(i.publishAt) }));
  }
}
