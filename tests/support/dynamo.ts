import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { ensureTable, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/storage.js';

/** An in-memory dynalite with the newsroom's table, for integration tests. */
export async function startDynamo(tableName = 'newsroom-test') {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  // Node closes an idle keep-alive connection after 5 s, and a request the client sends on it just
  // then is reset (ECONNRESET): the client's pooled connections must outlive their idle time here.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 121_000;
  // Requests still being served when a file ends (a test that failed mid-way left them) finish
  // before the database closes: dynalite throws, and takes the test process down, otherwise.
  let inFlight = 0;
  let idle: (() => void) | undefined;
  server.on('request', (_req, res) => {
    inFlight++;
    res.on('close', () => {
      if (--inFlight === 0) idle?.();
    });
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await ensureTable(endpoint, tableName);
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  return {
    db,
    endpoint,
    tableName,
    async stop() {
      if (inFlight > 0) {
        await new Promise<void>((ok) => {
          idle = ok;
          setTimeout(ok, 5_000).unref();
        });
      }
      db.destroy();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
