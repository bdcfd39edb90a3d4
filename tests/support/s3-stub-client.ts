import { S3Client } from '@aws-sdk/client-s3';

/** A client for a local HTTP server that answers as S3 does (one attempt: each answer is the test's). */
export function stubS3Client(endpoint: string) {
  return new S3Client({
    endpoint,
    region: 'eu-west-1',
    forcePathStyle: true,
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });
}
