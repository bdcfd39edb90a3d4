import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { slugCandidate } from '../../lambdas/domain/slug.js';
import { DynamoMediaArticleRepository } from '../../lambdas/store/article-media-repository.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/storage.js';
import { startDynamo } from '../support/dynamo.js';

// Slugs are claimed at first publication. Headlines repeat ("Letters to the editor", "Live:
// election night"): the hundredth article with a headline must claim its slug as cheaply as the
// second, and every claim must be its own.

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let repo: DynamoMediaArticleRepository;
/** The requests the repository sent, by command. */
let sent: string[] = [];
/** A slug whose claim DynamoDB throttles, if any. */
let throttled: string | undefined;
beforeAll(async () => {
  dynamo = await startDynamo();
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  client.middlewareStack.add(
    (next, context) => (args) => {
      sent.push(context.commandName!);
      const { Key } = args.input as { Key?: { PK?: string } };
      if (throttled && Key?.PK === `SLUG#${throttled}`)
        throw new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput.', $metadata: {} });
      return next(args);
    },
    { step: 'initialize' },
  );
  repo = new DynamoMediaArticleRepository(DynamoDBDocumentClient.from(client), dynamo.tableName);
});
afterAll(() => dynamo.stop());

const claim = (base: string, articleId = randomUUID()) => repo.claimSlug(articleId, (n) => slugCandidate(base, n));

describe('claiming slugs', () => {
  it('numbers the articles that share a headline in the order they claim, at the same cost for the hundredth as for the second', async () => {
    const base = `letters-to-the-editor-${randomUUID().slice(0, 8)}`;
    const slugs: string[] = [];
    for (let i = 0; i < 100; i++) slugs.push(await claim(base));
    expect(slugs).toEqual([base, ...Array.from({ length: 99 }, (_, i) => `${base}-${i + 2}`)]);

    sent = [];
    expect(await claim(base)).toBe(`${base}-101`);
    expect(sent).toHaveLength(2);
  });

  it('a free headline costs one write', async () => {
    sent = [];
    await claim(`quiet-day-${randomUUID().slice(0, 8)}`);
    expect(sent).toHaveLength(1);
  });

  it('gives each of many articles claiming at the same moment a slug of its own', async () => {
    const base = `election-night-${randomUUID().slice(0, 8)}`;
    const slugs = await Promise.all(Array.from({ length: 40 }, () => claim(base)));
    expect(new Set(slugs).size).toBe(40);
    expect(slugs).toContain(base);
  });

  it('passes over a numbered slug that a headline of its own already took', async () => {
    const base = `border-${randomUUID().slice(0, 8)}`;
    // "Border 2" was published first, as `…-2`.
    const other = await claim(`${base}-2`);
    expect(other).toBe(`${base}-2`);
    expect(await claim(base)).toBe(base);
    expect(await claim(base)).toBe(`${base}-3`);
    expect(await claim(base)).toBe(`${base}-4`);
  });

  it('fails with the database error when a numbered claim cannot be written, instead of trying the next number', async () => {
    const base = `throttled-${randomUUID().slice(0, 8)}`;
    await claim(base);
    throttled = `${base}-2`;
    try {
      sent = [];
      await expect(claim(base)).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
      expect(sent).toHaveLength(2);
    } finally {
      throttled = undefined;
    }
  });

  it("gives an article its headline's own slug again, when its write failed after claiming it", async () => {
    const base = `harbour-${randomUUID().slice(0, 8)}`;
    const id = randomUUID();
    expect(await claim(base, id)).toBe(base);
    expect(await claim(base, id)).toBe(base);
    expect(await claim(base)).not.toBe(base);
  });
});
