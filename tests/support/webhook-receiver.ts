import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  id: string;
  type: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as it arrived, which is what the signature covers. */
  raw: string;
  event: any;
  signatureValid: boolean;
  at: number;
}

/**
 * A subscriber's webhook endpoint, checking signatures with the Standard Webhooks reference
 * library as integrators do; it records events, and can go down, slow down or answer anything.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  /** Every request that reached it, accepted or not: method, path with query, headers. */
  readonly requests: { method: string; path: string; headers: IncomingHttpHeaders }[] = [];
  private server: Server | undefined;
  readonly verifier: Webhook;
  port = 0;
  /** The status it answers with; anything but 2xx is a failed delivery and is not recorded. */
  answer = 204;
  /** Decides the status per event instead, when set. */
  answerFor: ((event: any) => number) | undefined;
  /** Sent as `Location` with a 3xx answer. */
  location = '/hooks/moved';
  /** How long it takes to answer, to play a slow receiver. */
  delayMs = 0;
  /** Every delivery attempt that reached it, accepted or not. */
  attempts = 0;
  /** Leaves every request unanswered while set, to play a receiver that hangs. */
  hang = false;

  /** `whsec_<base64>` as Standard Webhooks defines it; any other string is the key's UTF-8 bytes. */
  constructor(secret: string) {
    this.verifier = secret.startsWith('whsec_') ? new Webhook(secret) : new Webhook(new TextEncoder().encode(secret), { format: 'raw' });
  }

  get url() {
    return `http://127.0.0.1:${this.port}/hooks/newsroom`;
  }

  /** Checks a delivery as a receiver using the reference library would (throws if it is refused). */
  verify(r: Pick<Received, 'raw' | 'headers'>): unknown {
    return this.verifier.verify(r.raw, r.headers as Record<string, string>);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        this.attempts++;
        this.requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
        if (this.hang) return;
        if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
        if (res.destroyed) return;
        const raw = Buffer.concat(chunks).toString('utf8');
        let signatureValid = true;
        try {
          this.verify({ raw, headers: req.headers });
        } catch {
          signatureValid = false;
        }
        const event = JSON.parse(raw);
        const status = this.answerFor?.(event) ?? this.answer;
        if (status < 300) {
          this.received.push({
            id: String(req.headers['x-newsroom-event-id']),
            type: String(req.headers['x-newsroom-event']),
            headers: req.headers,
            raw,
            event,
            signatureValid,
            at: Date.now(),
          });
        }
        res.writeHead(status, status >= 300 && status < 400 ? { location: this.location } : {}).end();
      });
    });
    await new Promise<void>((ok) => this.server!.listen(this.port, '127.0.0.1', ok));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
  }

  of(articleId: string) {
    return this.received.filter((r) => r.event.articleId === articleId);
  }
}
