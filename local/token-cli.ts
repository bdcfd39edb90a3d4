import { parseArgs } from 'node:util';
import { GROUPS, type Group } from '../lambdas/domain/article.js';
import { dataDirectory } from './settings.js';
import { MAX_TTL_SECONDS, signToken } from './tokens.js';

/** npm run token -- --user <id> --group <group> [--name "Full Name"] [--ttl seconds] */
const usage = `usage: npm run token -- --user <id> --group <${GROUPS.join('|')}> [--group …] [--name "Full Name"] [--ttl seconds]`;

class OutOfRange extends Error {}

// The signing key, and the data directory if this creates it, are for this user only.
process.umask(0o077);
try {
  const { values } = parseArgs({
    options: {
      user: { type: 'string' },
      group: { type: 'string', multiple: true },
      name: { type: 'string' },
      ttl: { type: 'string' },
    },
    strict: true,
  });
  const groups = values.group ?? [];
  const unknown = groups.filter((g) => !GROUPS.includes(g as Group));
  if (!values.user || groups.length === 0 || unknown.length > 0)
    throw new Error(unknown.length ? `unknown group: ${unknown.join(', ')}` : 'missing --user or --group');
  const ttlSeconds = values.ttl === undefined ? undefined : /^\d{1,7}$/.test(values.ttl) ? Number(values.ttl) : NaN;
  if (ttlSeconds !== undefined && !(ttlSeconds >= 1 && ttlSeconds <= MAX_TTL_SECONDS))
    throw new OutOfRange(
      `--ttl must be a whole number of seconds from 1 to ${MAX_TTL_SECONDS} (7 days), not ${JSON.stringify(values.ttl)}`,
    );
  const token = await signToken(dataDirectory(), { user: values.user, groups: groups as Group[], name: values.name, ttlSeconds });
  process.stdout.write(`${token}\n`);
} catch (err) {
  // A value out of range is told in one line; a command line that makes no sense gets the usage too.
  process.stderr.write(err instanceof OutOfRange ? `${err.message}\n` : `${(err as Error).message}\n${usage}\n`);
  process.exitCode = 2;
}
