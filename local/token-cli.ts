import { parseArgs } from 'node:util';
import { GROUPS, type Group } from '../lambdas/domain/article.js';
import { dataDirectory } from './settings.js';
import { signToken } from './tokens.js';

/** npm run token -- --user <id> --group <group> [--name "Full Name"] [--ttl seconds] */
const usage = `usage: npm run token -- --user <id> --group <${GROUPS.join('|')}> [--group …] [--name "Full Name"] [--ttl seconds]`;

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
  const ttlSeconds = values.ttl ? Number(values.ttl) : undefined;
  if (ttlSeconds !== undefined && !(Number.isInteger(ttlSeconds) && ttlSeconds > 0))
    throw new Error('--ttl must be a positive whole number of seconds');
  const token = await signToken(dataDirectory(), { user: values.user, groups: groups as Group[], name: values.name, ttlSeconds });
  process.stdout.write(`${token}\n`);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${usage}\n`);
  process.exitCode = 2;
}
