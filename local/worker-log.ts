import { Logger } from '@aws-lambda-powertools/logger';

/**
 * A logger of the local newsroom's own for one worker (dispatcher, publisher, media verifier):
 * its lines name the worker and what it worked on, never the function or request of an API call
 * that happened to come before.
 */
export function workerLogger(worker: string): Logger {
  return new Logger({ serviceName: `newsroom-${worker}` });
}
