import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { holderOf } from './running.js';

/**
 * `npm run reset [-- --yes]`: empties the data directory (articles, files, the signing key) after
 * asking. It works on the directory NEWSROOM_DATA_DIR or --data-dir names, or `.newsroom`, never on
 * one it found by itself, and refuses while a newsroom runs on it.
 */

/** What only a newsroom's data directory holds: anything else is not emptied. */
const NEWSROOM_ENTRIES = ['dynamodb', 's3', 'signing-key.json'];

class Refused extends Error {}

function ask(question: string): Promise<boolean> {
  process.stderr.write(question);
  return new Promise((answer) => {
    const rl = createInterface({ input: process.stdin });
    let said = '';
    rl.once('line', (line) => {
      said = line;
      rl.close();
    });
    rl.once('close', () => answer(/^\s*y(es)?\s*$/i.test(said)));
  });
}

try {
  const { values } = parseArgs({
    options: { yes: { type: 'boolean', short: 'y' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'usage: npm run reset [-- --yes] [--data-dir dir]\n\nDeletes every article, file and the token signing key in the data directory (NEWSROOM_DATA_DIR,\n--data-dir, or .newsroom), after asking unless --yes. Refuses while a newsroom runs on it.\n',
    );
    process.exit(0);
  }
  const dataDir = resolve(values['data-dir'] ?? process.env.NEWSROOM_DATA_DIR ?? '.newsroom');
  const entries = existsSync(dataDir) ? readdirSync(dataDir) : [];
  if (entries.length === 0) {
    process.stdout.write(`Nothing to reset: ${dataDir} is empty or does not exist.\n`);
    process.exit(0);
  }
  const holder = holderOf(dataDir);
  if (holder)
    throw new Refused(
      `A newsroom is running on ${dataDir} (pid ${holder.pid}): stop it first (Ctrl-C in its terminal), then npm run reset`,
    );
  if (!entries.some((e) => NEWSROOM_ENTRIES.includes(e)))
    throw new Refused(`${dataDir} does not look like a newsroom data directory (no dynamodb/, s3/ or signing-key.json): nothing deleted`);
  const sure =
    values.yes || (await ask(`Delete every article, file and the signing key in ${dataDir}? Tokens minted for it stop working. [y/N] `));
  if (!sure) {
    process.stdout.write('Nothing deleted.\n');
    process.exit(1);
  }
  for (const entry of entries) rmSync(join(dataDir, entry), { recursive: true, force: true });
  process.stdout.write(`Emptied ${dataDir}: npm start begins with no articles.\n`);
} catch (err) {
  process.stderr.write(`npm run reset: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
