import { parseArgs } from 'node:util';
import { GROUPS, type Group } from '../lambdas/domain/article.js';
import { chooseTarget } from './running.js';
import { MAX_TTL_SECONDS, signToken } from './tokens.js';

/** npm run token -- --user <id> --group <group> [--name "Full Name"] [--ttl seconds] [--data-dir dir] */
const usage = `usage: npm run token -- --user <id> --group <${GROUPS.join('|')}> [--group …] [--name "Full Name"] [--ttl seconds] [--data-dir dir]`;

const help = `${usage}

Prints a token for the local newsroom on stdout, and nothing else, so that
TOKEN=$(npm run -s token -- --user rita --group reporters) keeps it. It is an ES256 JWT shaped like
a Cognito ID token (sub, cognito:groups, name, token_use: id), signed with the key in the newsroom's
data directory; send it as "Authorization: Bearer $TOKEN".

  --user <id>        the caller's id (the token's sub); articles they create are theirs
  --group <group>    ${GROUPS.join(', ')}; repeat for several
  --name "<name>"    the name shown as byline and in history (default: the id)
  --ttl <seconds>    how long the token is valid: 1 to ${MAX_TTL_SECONDS} (7 days); default 43200 (12 hours)
  --data-dir <dir>   the data directory whose key signs it (default: NEWSROOM_DATA_DIR)
  --help             this text

Without --data-dir or NEWSROOM_DATA_DIR it signs for the newsroom running for you (npm start in
another terminal, whatever its data directory), and says which one on stderr; if several are
running it lists them and asks you to choose; if none is, it uses .newsroom.
`;

class OutOfRange extends Error {}
class Refused extends Error {}

// The signing key, and the data directory if this creates it, are for this user only.
process.umask(0o077);
try {
  const { values } = parseArgs({
    options: {
      user: { type: 'string' },
      group: { type: 'string', multiple: true },
      name: { type: 'string' },
      ttl: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(help);
    process.exit(0);
  }
  const groups = values.group ?? [];
  const unknown = groups.filter((g) => !GROUPS.includes(g as Group));
  if (!values.user || groups.length === 0 || unknown.length > 0)
    throw new Error(unknown.length ? `unknown group: ${unknown.join(', ')}` : 'missing --user or --group');
  const ttlSeconds = values.ttl === undefined ? undefined : /^\d{1,7}$/.test(values.ttl) ? Number(values.ttl) : NaN;
  if (ttlSeconds !== undefined && !(ttlSeconds >= 1 && ttlSeconds <= MAX_TTL_SECONDS))
    throw new OutOfRange(
      `--ttl must be a whole number of seconds from 1 to ${MAX_TTL_SECONDS} (7 days), not ${JSON.stringify(values.ttl)}`,
    );
  let target;
  try {
    target = chooseTarget(values['data-dir']);
  } catch (err) {
    throw new Refused((err as Error).message);
  }
  const token = await signToken(target.dataDir, { user: values.user, groups: groups as Group[], name: values.name, ttlSeconds });
  if (target.note) process.stderr.write(`npm run token: ${target.note}\n`);
  process.stdout.write(`${token}\n`);
} catch (err) {
  // A value out of range is told in one line; a command line that makes no sense gets the usage too.
  process.stderr.write(
    err instanceof OutOfRange || err instanceof Refused
      ? `${err.message}\n`
      : `${(err as Error).message}\n${usage}\n(npm run token -- --help explains each option)\n`,
  );
  process.exitCode = 2;
}
