import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  id: string;
  type: string;
  headers: Record<string, string | string[] | undefined>;
  event: any;
  signatureValid: boolean;
  at: number;
}

/** A subscriber's webhook endpoint: checks signatures, records events, can go down and come back. */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private server: Server | undefined;
  port = 0;
  /** The status it answers with; anything but 2xx is a failed delivery and is not recorded. */
  answer = 204;
  /** How long it takes to answer, to play a slow receiver. */
  delayMs = 0;
  /** Every delivery attempt that reached it, accepted or not. */
  attempts = 0;

  constructor(private readonly secret: string) {}

  get url() {
    return `http://127.0.0.1:${this.port}/hooks/newsroom`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        this.attempts++;
        if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
        if (res.destroyed) return;
        const raw = Buffer.concat(chunks);
        const expected = `sha256=${createHmac('sha256', this.secret).update(raw).digest('hex')}`;
        const given = String(req.headers['x-newsroom-signature'] ?? '');
        const signatureValid = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
        const event = JSON.parse(raw.toString('utf8'));
        if (this.answer < 300) {
          this.received.push({
            id: String(req.headers['x-newsroom-event-id']),
            type: String(req.headers['x-newsroom-event']),
            headers: req.headers,
            event,
            signatureValid,
            at: Date.now(),
          });
        }
        res.writeHead(this.answer).end();
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
