import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's `chromium` package; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches Chromium headless, as root can run it, without the background traffic a closed network
 * refuses. A missing browser is a failure that says how to install it, never a skip.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: install Debian's package (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Where a test keeps a file for people to look at after the run: the global teardown keeps it and prints the path. */
export function artifactPath(name: string): string {
  const dir = join(process.env.NEWSROOM_TEST_ROOT ?? process.cwd(), 'artifacts');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
