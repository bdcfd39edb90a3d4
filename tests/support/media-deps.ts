import { randomUUID } from 'node:crypto';
import { DEFAULT_MAX_PIXELS, DEFAULT_MEDIA_TYPES } from '../../lambdas/domain/media.js';
import { DynamoMediaArticleRepository } from '../../lambdas/store/article-media-repository.js';
import { S3MediaStore } from '../../lambdas/adapters/s3-media-store.js';
import type { MediaDeps } from '../../lambdas/usecases/media.js';
import type { startDynamo } from './dynamo.js';
import type { startS3 } from './s3.js';

/** The media use cases' dependencies on an embedded dynalite and s3rver, with the default limits. */
export function mediaDepsOn(
  dynamo: Awaited<ReturnType<typeof startDynamo>>,
  storage: Awaited<ReturnType<typeof startS3>>,
  now: () => Date = () => new Date(),
): MediaDeps & { articles: DynamoMediaArticleRepository } {
  return {
    articles: new DynamoMediaArticleRepository(dynamo.db, dynamo.tableName),
    now,
    newId: randomUUID,
    media: new S3MediaStore(storage.s3, storage.bucket),
    mediaTypes: DEFAULT_MEDIA_TYPES,
    maxPixels: DEFAULT_MAX_PIXELS,
    uploadExpirySeconds: 900,
    downloadExpirySeconds: 300,
  };
}
