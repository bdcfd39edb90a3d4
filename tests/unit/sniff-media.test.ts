import { crc32 } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_MEDIA_TYPES, verdict } from '../../lambdas/domain/media.js';
import type { ByteSource } from '../../lambdas/usecases/ports.js';
import { examineMedia } from '../../lambdas/usecases/sniff-media.js';
import { box, gif, jpeg, mp3, mp4, png, webpLossless, webpLossy } from '../support/media-files.js';

const bytes = (...parts: (string | number[] | Buffer)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** A file read by range, as the verifier reads S3; counts the bytes it hands out. */
function source(file: Buffer): ByteSource & { served: number } {
  const s = {
    size: file.length,
    served: 0,
    read: async (offset: number, length: number) => {
      const part = file.subarray(offset, Math.min(file.length, offset + length));
      s.served += part.length;
      return new Uint8Array(part);
    },
  };
  return s;
}

const examine = (file: Buffer) => examineMedia(source(file));

/** What the verifier would decide for `file` declared as `contentType`, with its own size. */
async function judge(file: Buffer, contentType: string) {
  const found = await examineMedia(source(file));
  return verdict(
    DEFAULT_MEDIA_TYPES,
    { contentType, size: file.length },
    {
      size: file.length,
      detectedType: found?.mime,
      problem: found?.problem,
      pixels: found?.pixels,
    },
  );
}

/** A PNG chunk with its CRC. */
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

describe('real files of every type the newsroom takes are ready', () => {
  it('reads images and their dimensions', async () => {
    expect(await examine(png(640, 480))).toEqual({ mime: 'image/png', width: 640, height: 480, pixels: 640 * 480 });
    expect(await examine(jpeg(33, 17))).toMatchObject({ mime: 'image/jpeg', width: 33, height: 17 });
    expect(await examine(gif(5, 3))).toMatchObject({ mime: 'image/gif', width: 5, height: 3 });
    expect(await examine(webpLossy())).toMatchObject({ mime: 'image/webp', width: 1, height: 1 });
    expect(await examine(webpLossless())).toMatchObject({ mime: 'image/webp', width: 1, height: 1 });
    for (const [file, type] of [
      [png(3, 2), 'image/png'],
      [jpeg(17, 9), 'image/jpeg'],
      [gif(4, 4), 'image/gif'],
      [webpLossy(), 'image/webp'],
    ] as const) {
      expect(await judge(file, type)).toBeUndefined();
    }
  });

  it('reads the duration of MP3, M4A and MP4 from their containers', async () => {
    const mpeg = await examine(mp3(100));
    expect(mpeg).toMatchObject({ mime: 'audio/mpeg' });
    expect(mpeg!.durationSeconds).toBeCloseTo((100 * 1152) / 44100, 5);
    expect(await examine(mp4({ handler: 'soun', seconds: 3 }))).toEqual({ mime: 'audio/mp4', durationSeconds: 3 });
    expect(await examine(mp4({ handler: 'vide', seconds: 2 }))).toEqual({ mime: 'video/mp4', durationSeconds: 2 });
    expect(await judge(mp3(10), 'audio/mpeg')).toBeUndefined();
    expect(await judge(mp4({ handler: 'soun', seconds: 3 }), 'audio/mp4')).toBeUndefined();
    expect(await judge(mp4({ handler: 'vide', seconds: 3 }), 'video/mp4')).toBeUndefined();
  });

  it('reads an MP4 by its box headers, never its media data', async () => {
    const movie = Buffer.concat([mp4({ handler: 'vide', seconds: 60 }), box('mdat', Buffer.alloc(5 * 1024 * 1024))]);
    const s = source(movie);
    expect((await examineMedia(s))?.problem).toBeUndefined();
    expect(s.served).toBeLessThan(2_000);
  });
});

describe('hostile files are rejected', () => {
  it('a PNG header claiming 100000×100000 pixels', async () => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(100_000, 0);
    ihdr.writeUInt32BE(100_000, 4);
    ihdr[8] = 8;
    expect(await judge(bytes(png(1, 1).subarray(0, 8), chunk('IHDR', ihdr)), 'image/png')).toMatch(/not a valid image\/png/);
    // Complete, with a tiny compressed stream that would inflate to 10 gigapixels: refused by area.
    const bomb = bytes(
      png(1, 1).subarray(0, 8),
      chunk('IHDR', ihdr),
      chunk('IDAT', Buffer.from([0x78, 0x9c])),
      chunk('IEND', Buffer.alloc(0)),
    );
    expect(await judge(bomb, 'image/png')).toBe('the image has 10000000000 pixels, more than the 50000000 allowed');
  });

  it('a PNG header followed by HTML', async () => {
    const polyglot = bytes(png(1, 1).subarray(0, 33), '<html><script>alert(document.cookie)</script></html>');
    expect(await judge(polyglot, 'image/png')).toMatch(/^content is not a valid image\/png file: /);
    expect(await judge(bytes(png(2, 2), '<script>alert(1)</script>'), 'image/png')).toMatch(/bytes follow the IEND chunk/);
  });

  it('a PNG whose chunk does not match its CRC', async () => {
    const file = png(4, 4);
    file[file.length - 20]! ^= 0xff;
    expect(await judge(file, 'image/png')).toMatch(/CRC/);
  });

  it('a GIF claiming 65535×65535 followed by script', async () => {
    const file = bytes('GIF89a', [0xff, 0xff, 0xff, 0xff, 0, 0, 0], '<script>alert(1)</script>');
    expect(await judge(file, 'image/gif')).toMatch(/^content is not a valid image\/gif file: /);
    // Even a well-formed one is refused by its area.
    const huge = gif(2, 2);
    huge.writeUInt16LE(65535, 6);
    huge.writeUInt16LE(65535, 8);
    expect(await judge(huge, 'image/gif')).toMatch(/4294836225 pixels, more than the 50000000 allowed/);
  });

  it('a JPEG with a script after its end, or cut short', async () => {
    expect(await judge(bytes(jpeg(8, 8), '<script>alert(1)</script>'), 'image/jpeg')).toMatch(/follow the end-of-image marker/);
    expect(await judge(jpeg(8, 8).subarray(0, 100), 'image/jpeg')).toMatch(/not a valid image\/jpeg/);
    expect(await judge(bytes([0xff, 0xd8, 0xff], '<html>'), 'image/jpeg')).toMatch(/not a valid image\/jpeg/);
  });

  it('a WebP whose RIFF size is not the file’s', async () => {
    expect(await judge(bytes(webpLossy(), '<html>'), 'image/webp')).toMatch(/RIFF header says/);
  });

  it('ID3 followed by anything, as MP3', async () => {
    expect(await judge(bytes('ID3', [4, 0, 0, 0, 0, 0, 0], '<html><script>alert(1)</script></html>'), 'audio/mpeg')).toMatch(
      /not a valid audio\/mpeg file: there is no MPEG audio frame/,
    );
    expect(await judge(bytes('ID3', '<html><script>alert(1)</script></html>'), 'audio/mpeg')).toMatch(/not a valid audio\/mpeg/);
    expect(await judge(bytes(mp3(3), '<html>'), 'audio/mpeg')).toMatch(/not a valid audio\/mpeg/);
    expect(await judge(mp3(3).subarray(0, 900), 'audio/mpeg')).toMatch(/cut short/);
  });

  it('ftypisom followed by HTML, as MP4', async () => {
    expect(await judge(bytes([0, 0, 0, 0x14], 'ftypisom', [0, 0, 2, 0], 'isom<html><script>alert(1)</script>'), 'video/mp4')).toMatch(
      /^content is not a valid video\/mp4 file: /,
    );
    expect(await judge(bytes([0, 0, 0, 0], 'ftypisom<html><script>alert(1)</script>'), 'video/mp4')).toMatch(/there is no moov box/);
    expect(await judge(mp4({ handler: 'vide', seconds: 0 }), 'video/mp4')).toMatch(/no duration/);
    expect(await judge(mp4({ handler: 'soun', seconds: 5 }), 'video/mp4')).toBe('content is audio/mp4, video/mp4 was declared');
  });

  it('text, nothing at all, and a file of another type than declared', async () => {
    expect(await judge(bytes('this is not a picture'), 'image/png')).toBe('content is not a recognisable image/png file');
    expect(await judge(Buffer.alloc(0), 'image/png')).toBe('content is not a recognisable image/png file');
    expect(await judge(png(2, 2), 'image/jpeg')).toBe('content is image/png, image/jpeg was declared');
  });
});
