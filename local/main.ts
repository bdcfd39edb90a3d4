import { webhookOrigin } from '../lambdas/store/webhook-publisher.js';
import { startNewsroom } from './newsroom.js';
import { localSettings } from './settings.js';

/** `npm start`: the local newsroom, until Ctrl-C or SIGTERM. */
const settings = localSettings();
const newsroom = await startNewsroom(settings);

process.stdout.write(
  [
    `Newsroom is running at ${newsroom.url}`,
    `  listens:  ${settings.host} only (set HOST to change)`,
    `  data:     ${settings.dataDir}`,
    `  webhooks: ${settings.webhookUrls.length ? settings.webhookUrls.map(webhookOrigin).join(', ') : 'none (set NEWSROOM_WEBHOOK_URLS)'}`,
    `  token:    npm run token -- --user alice --group reporters --name "Alice Reporter"`,
    `  try:      curl ${newsroom.url}/health`,
    '',
  ].join('\n'),
);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`${signal}: stopping the newsroom…\n`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await newsroom.stop();
  process.stdout.write('stopped.\n');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
