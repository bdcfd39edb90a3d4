import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { unreachable, CliError, EXIT } from './errors.js';

/**
 * Posts a file to a presigned POST form (straight to storage, never through the API), streaming it
 * from disk and reporting how many of its bytes have gone. Resolves on a 2xx from storage.
 */
export async function uploadToForm(
  form: { url: string; fields: Record<string, string> },
  file: { path: string; size: number; name: string; contentType: string },
  onProgress: (sent: number) => void,
): Promise<void> {
  const boundary = `----newsroom${randomBytes(12).toString('hex')}`;
  const escape = (s: string) => s.replace(/["\\\r\n]/g, (c) => encodeURIComponent(c));
  const head = Buffer.from(
    Object.entries(form.fields)
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${escape(k)}"\r\n\r\n${v}\r\n`)
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${escape(file.name)}"\r\n` +
      `Content-Type: ${file.contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL(form.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;

  await new Promise<void>((resolve, reject) => {
    const req = send(url, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + file.size + tail.length },
      timeout: 120_000,
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('storage did not answer in time'), { code: 'ETIMEDOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) =>
      reject(unreachable(`Cannot upload to storage at ${url.origin} (${err.code ?? err.message}).`)),
    );
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve();
        const text = Buffer.concat(chunks).toString('utf8');
        const why = /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? `it answered ${status}`;
        reject(new CliError(`Storage refused the upload of ${file.name}: ${why}.`, EXIT.refused));
      });
    });
    req.write(head);
    let sent = 0;
    const stream = createReadStream(file.path);
    stream.on('data', (chunk) => {
      sent += chunk.length;
      if (!req.write(chunk)) stream.pause();
      onProgress(sent);
    });
    req.on('drain', () => stream.resume());
    stream.on('error', (err) => req.destroy(err));
    stream.on('end', () => req.end(tail));
  });
}
