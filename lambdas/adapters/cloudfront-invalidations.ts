import { CreateInvalidationCommand, type CloudFrontClient } from '@aws-sdk/client-cloudfront';
import type { CdnInvalidator } from '../usecases/site-ports.js';

/**
 * CloudFront accepts invalidations for at most 3,000 individual paths in progress per
 * distribution at a time (a `*` wildcard path counts once, in a separate allowance of 15);
 * anything past that is refused with TooManyInvalidationsInProgress. One render's paths go in
 * requests of at most 1,000, so a large change never takes the whole allowance from the next
 * render; a change of more than 3,000 paths (which could never be in progress at once) becomes
 * the single path `/*`, which also costs one path instead of thousands.
 */
export const INVALIDATION_LIMITS = { inProgress: 3000, perRequest: 1000 } as const;

/**
 * A path as CloudFront wants it (Developer Guide, "Specifying the files to invalidate"):
 * non-ASCII and RFC 1738 unsafe characters URL-encoded, nothing else, or the old copy stays.
 * A `*` is kept only as the last character, where it is a wildcard.
 */
export function invalidationPath(path: string): string {
  if (!path.startsWith('/')) throw new Error(`an invalidation path starts with "/": ${JSON.stringify(path)}`);
  const wildcard = path.endsWith('*');
  const body = wildcard ? path.slice(0, -1) : path;
  let out = '';
  for (const char of body) {
    out += /^[\x21-\x7e]$/.test(char) && !UNSAFE.includes(char) ? char : encodeUtf8(char);
  }
  return wildcard ? `${out}*` : out;
}

/** RFC 1738 §2.2 "unsafe" characters (space and controls are caught as non-printable), and a `*` not at the end. */
const UNSAFE = '<>"#%{}|\\^~[]`*';
const encodeUtf8 = (char: string) =>
  [...Buffer.from(char, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** Invalidates changed site paths on the distribution; a retried call with the same reference is the same invalidation. */
export class CloudFrontInvalidator implements CdnInvalidator {
  constructor(
    private readonly client: Pick<CloudFrontClient, 'send'>,
    private readonly distributionId: string,
  ) {}

  async invalidate(paths: readonly string[], reference: string): Promise<void> {
    let items = [...new Set(paths.map(invalidationPath))].sort();
    if (items.length === 0) return;
    if (items.length > INVALIDATION_LIMITS.inProgress) items = ['/*'];
    const batches: string[][] = [];
    for (let i = 0; i < items.length; i += INVALIDATION_LIMITS.perRequest) batches.push(items.slice(i, i + INVALIDATION_LIMITS.perRequest));
    for (const [n, batch] of batches.entries()) {
      // CloudFront answers a CallerReference it has seen with the same paths by returning the
      // first invalidation, not a new one: a retry (the same paths, sorted the same) costs nothing.
      await this.client.send(
        new CreateInvalidationCommand({
          DistributionId: this.distributionId,
          InvalidationBatch: {
            CallerReference: batches.length === 1 ? reference : `${reference}#${n + 1}`,
            Paths: { Quantity: batch.length, Items: batch },
          },
        }),
      );
    }
  }
}
