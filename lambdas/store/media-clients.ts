import { S3Client } from '@aws-sdk/client-s3';
import { maxPixelsFrom, mediaTypesFrom } from '../domain/media.js';
import type { MediaDeps } from '../usecases/media.js';
import { DynamoMediaArticleRepository } from './article-media-repository.js';
import { documentClient, tableName, workflowDeps } from './clients.js';
import { requireEnv } from './config.js';
import { S3MediaStore } from '../adapters/s3-media-store.js';

/** Wiring for the functions that touch media; only they load the S3 client. */
const bucket = requireEnv('MEDIA_BUCKET');
const s3 = new S3Client({ forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true' });

export const mediaDeps: MediaDeps = {
  ...workflowDeps,
  articles: new DynamoMediaArticleRepository(documentClient, tableName),
  media: new S3MediaStore(s3, bucket),
  mediaTypes: mediaTypesFrom(process.env.MEDIA_MAX_BYTES),
  uploadExpirySeconds: 15 * 60,
  downloadExpirySeconds: 5 * 60,
  maxPixels: maxPixelsFrom(process.env.MEDIA_MAX_PIXELS),
};
