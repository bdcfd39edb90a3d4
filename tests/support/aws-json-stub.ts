import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AwsJsonRequest {
  /** The operation, from `X-Amz-Target` (for example `AWSEvents.PutEvents`). */
  target: string;
  body: any;
}

/**
 * A stand-in for an AWS service that speaks the AWS JSON protocol (1.0 or 1.1): it records each
 * request and answers 200 with what `answer` returns, so the real SDK serialises what the adapter
 * sends and parses the documented response.
 */
export async function startAwsJsonStub(protocol: '1.0' | '1.1', answer: (request: AwsJsonRequest) => unknown) {
  const requests: AwsJsonRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { target: String(req.headers['x-amz-target']), body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
      requests.push(request);
      res.writeHead(200, { 'content-type': `application/x-amz-json-${protocol}` }).end(JSON.stringify(answer(request)));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
