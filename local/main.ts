import { resolve } from 'node:path';
import { ROUTES } from '../lambdas/http/routes.js';
import { webhookOrigin } from '../lambdas/adapters/webhook-publisher.js';
import { makeDataDirPrivate } from './data-dir.js';
import { startNewsroom, type RunningNewsroom } from './newsroom.js';
import { formatRequest } from './request-log.js';
import { AlreadyRunning, lockDataDir } from './running.js';
import { SITE_PREFIX } from './site-server.js';
import { localSettings, SettingError, type LocalSettings } from './settings.js';

/** `npm start`: the local newsroom, until Ctrl-C or SIGTERM. */

/** A start that cannot go on ends with one line saying which setting to change and how. */
function refuse(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

const errno = (err: unknown) => (err as NodeJS.ErrnoException).code;

let settings: LocalSettings;
try {
  settings = localSettings();
} catch (err) {
  if (err instanceof SettingError) refuse(err.message);
  throw err;
}

const dataDirProblem = (err: unknown) =>
  `NEWSROOM_DATA_DIR: cannot keep the newsroom's data in ${settings.dataDir} (${errno(err) ?? (err as Error).message}): ` +
  'set NEWSROOM_DATA_DIR to a directory you can write, e.g. NEWSROOM_DATA_DIR=$HOME/newsroom-data npm start';

// Requests are logged once the banner is out.
let logging = false;
let lock: ReturnType<typeof lockDataDir>;
try {
  makeDataDirPrivate(settings.dataDir);
  lock = lockDataDir(settings.dataDir);
} catch (err) {
  if (err instanceof AlreadyRunning)
    refuse(
      `${err.message}: stop it first (Ctrl-C in its terminal, or kill ${err.pid}), or start another one on its own data with NEWSROOM_DATA_DIR=<dir> PORT=<port> npm start`,
    );
  if (errno(err)) refuse(dataDirProblem(err));
  throw err;
}
process.on('exit', () => lock.release());

// Ctrl-C stops cleanly from here on, even during start: the newsroom stops once it is up.
let starting: Promise<RunningNewsroom | undefined> | undefined;
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logging = false;
  process.stdout.write(`${signal}: stopping the newsroom…\n`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await (await starting?.catch(() => undefined))?.stop();
  lock.release();
  process.stdout.write('stopped.\n');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

let newsroom: RunningNewsroom;
try {
  starting = startNewsroom(settings, {
    onRequest: settings.requestLog ? (r) => logging && process.stdout.write(`${formatRequest(r)}\n`) : undefined,
  });
  newsroom = (await starting)!;
} catch (err) {
  const where = `${settings.host}:${settings.port}`;
  switch (errno(err)) {
    case 'EADDRINUSE':
      refuse(
        `PORT ${settings.port} is already in use on ${settings.host} (another newsroom or another program): stop it, or start on another port with PORT=3001 npm start (PORT=0 picks a free one)`,
      );
    case 'EACCES':
      if ((err as { syscall?: string }).syscall === 'listen')
        refuse(`PORT ${settings.port} needs privileges to listen on: use a port above 1023, e.g. PORT=3000 npm start`);
      refuse(dataDirProblem(err));
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      refuse(
        `HOST "${settings.host}" is not an address of this machine (${where}): leave it unset for 127.0.0.1, or use 0.0.0.0 for every interface`,
      );
    case 'EROFS':
    case 'ENOSPC':
    case 'EPERM':
    case 'ENOTDIR':
      refuse(dataDirProblem(err));
  }
  throw err;
}
if (stopping) await new Promise(() => undefined); // stop() ends the process
lock.announce(newsroom.url);
// Without its stores every request would fail: a newsroom that lost them says so and ends.
void newsroom.failed.then((err) => {
  logging = false;
  process.stderr.write(
    `the newsroom's embedded stores stopped: ${err.stack ?? err.message}\nthe newsroom stops too; start it again with npm start\n`,
  );
  process.exit(1);
});

/** The extra base URLs this newsroom serves (API documentation, a public site), as the route table lists them. */
const serves = (path: string) => (ROUTES.some((r) => r.method === 'GET' && r.path === path) ? [`${newsroom.url}${path}`] : []);

const [docs, openapi] = [serves('/docs'), serves('/openapi.json')];
const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
// Another terminal finds this newsroom by itself; the exact command still says which data it signs for.
const tokenCommand = `${settings.dataDir === resolve('.newsroom') ? '' : `NEWSROOM_DATA_DIR=${shellQuote(settings.dataDir)} `}npm run token -- --user alice --group reporters --name "Alice Reporter"`;

process.stdout.write(
  [
    `Newsroom is running at ${newsroom.url}`,
    `  api:      ${newsroom.url}  (try: curl ${newsroom.url}/health)`,
    ...docs.map((u) => `  docs:     ${u}`),
    ...openapi.map((u) => `  openapi:  ${u}`),
    `  site:     ${newsroom.url}${SITE_PREFIX}/${newsroom.siteUrl === `${newsroom.url}${SITE_PREFIX}` ? '' : `  (links point to ${newsroom.siteUrl})`}`,
    `  listens:  ${settings.host} only (set HOST to change)`,
    `  data:     ${settings.dataDir}`,
    `  webhooks: ${settings.webhookUrls.length ? settings.webhookUrls.map(webhookOrigin).join(', ') : 'none (set NEWSROOM_WEBHOOK_URLS)'}`,
    `  token:    ${tokenCommand}`,
    `  requests: ${settings.requestLog ? 'one line each below (NEWSROOM_LOG=quiet turns them off)' : 'not logged (NEWSROOM_LOG=quiet)'}`,
    '',
  ].join('\n'),
);
logging = !stopping;
