import { crc32 } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import type { ByteSource } from '../../lambdas/usecases/ports.js';
import { examineMedia } from '../../lambdas/usecases/sniff-media.js';

/**
 * How the verifier reads each image type, one structural rule at a time: every file here is built
 * byte by byte, and each expectation (the size read, or the exact reason a file is refused, which
 * an uploader sees in the problem's detail) is written out by hand.
 */

const bytes = (...parts: (string | number[] | Buffer)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

function source(file: Buffer): ByteSource {
  return {
    size: file.length,
    read: async (offset: number, length: number) => new Uint8Array(file.subarray(offset, Math.min(file.length, offset + length))),
  };
}

const examine = (file: Buffer) => examineMedia(source(file));

// ---------------------------------------------------------------- PNG

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function chunk(type: string | number[], data: number[] | Buffer = []): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = bytes(type, Buffer.from(data));
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const be32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const ihdr = (width: number, height: number, extra: number[] = []) =>
  chunk('IHDR', [...be32(width), ...be32(height), 8, 0, 0, 0, 0, ...extra]);
const IDAT = chunk('IDAT', [0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
const IEND = chunk('IEND');

describe('a PNG is read chunk by chunk', () => {
  it('gives the size its IHDR declares', async () => {
    expect(await examine(bytes(SIGNATURE, ihdr(7, 3), chunk('tEXt', [0x41, 0, 0x42]), IDAT, IDAT, IEND))).toEqual({
      mime: 'image/png',
      width: 7,
      height: 3,
      pixels: 21,
    });
  });

  it('refuses an image with no width or no height', async () => {
    for (const [w, h] of [
      [0, 5],
      [5, 0],
      [0, 0],
    ]) {
      expect(await examine(bytes(SIGNATURE, ihdr(w!, h!), IDAT, IEND))).toEqual({
        mime: 'image/png',
        problem: 'the image has no width or height',
      });
    }
  });

  it('refuses a file that ends inside a chunk header or inside a chunk', async () => {
    expect(await examine(bytes(SIGNATURE, ihdr(1, 1), IDAT))).toEqual({
      mime: 'image/png',
      problem: 'a chunk runs past the end of the file',
    });
    expect(await examine(bytes(SIGNATURE, ihdr(1, 1), IDAT, IEND.subarray(0, 11)))).toEqual({
      mime: 'image/png',
      problem: 'a chunk runs past the end of the file',
    });
    // The IDAT chunk lacks its last byte (of its CRC).
    expect(await examine(bytes(SIGNATURE, ihdr(1, 1), IDAT.subarray(0, IDAT.length - 1)))).toEqual({
      mime: 'image/png',
      problem: 'the IDAT chunk runs past the end of the file',
    });
    // A length far beyond the file.
    expect(await examine(bytes(SIGNATURE, ihdr(1, 1), [0x80, 0, 0, 0], 'IDAT', [0, 0, 0, 0, 0, 0, 0, 0]))).toEqual({
      mime: 'image/png',
      problem: 'the IDAT chunk runs past the end of the file',
    });
  });

  it('refuses a chunk type that is not four letters, saying where it is', async () => {
    expect(await examine(bytes(SIGNATURE, ihdr(1, 1), chunk('ab1d', [1]), IDAT, IEND))).toEqual({
      mime: 'image/png',
      problem: '"ab1d" at byte 37 is not a PNG chunk',
    });
    expect(await examine(bytes(SIGNATURE, ihdr(1, 1), chunk([0, 0x61, 0x62, 0x63]), IDAT, IEND))).toEqual({
      mime: 'image/png',
      problem: '"?abc" at byte 37 is not a PNG chunk',
    });
  });

  it('wants IHDR first, of 13 bytes, and only once', async () => {
    expect(await examine(bytes(SIGNATURE, IDAT, ihdr(1, 1), IEND))).toEqual({ mime: 'image/png', problem: 'the first chunk is not IHDR' });
    // A first chunk of IHDR's length under another name.
    const named = (type: string) => chunk(type, [...be32(2), ...be32(2), 8, 0, 0, 0, 0]);
    expect(await examine(bytes(SIGNATURE, named('IDAT'), IEND))).toEqual({ mime: 'image/png', problem: 'the first chunk is not IHDR' });
    expect(await examine(bytes(SIGNATURE, named('tEXt'), IDAT, IEND))).toEqual({
      mime: 'image/png',
      problem: 'the first chunk is not IHDR',
    });
    expect(await examine(bytes(SIGNATURE, ihdr(1, 1, [0]), IDAT, IEND))).toEqual({
      mime: 'image/png',
      problem: 'the first chunk is not IHDR',
    });
    expect(await examine(bytes(SIGNATURE, ihdr(1, 1), IDAT, ihdr(900, 900), IEND))).toEqual({
      mime: 'image/png',
      problem: 'a second IHDR chunk',
    });
  });

  it('wants at least one IDAT, and nothing after IEND', async () => {
    expect(await examine(bytes(SIGNATURE, ihdr(1, 1), chunk('tEXt', [0x41, 0, 0x42]), IEND))).toEqual({
      mime: 'image/png',
      problem: 'there is no IDAT chunk',
    });
    expect(await examine(bytes(SIGNATURE, ihdr(1, 1), IDAT, IEND, '<svg>'))).toEqual({
      mime: 'image/png',
      problem: '5 bytes follow the IEND chunk',
    });
  });
});

// ---------------------------------------------------------------- JPEG

const seg = (marker: number, data: number[]) => [0xff, marker, ((data.length + 2) >> 8) & 0xff, (data.length + 2) & 0xff, ...data];
const SOI = [0xff, 0xd8];
const EOI = [0xff, 0xd9];
const APP0 = seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
const sof = (width: number, height: number, marker = 0xc0) =>
  seg(marker, [0x08, (height >> 8) & 0xff, height & 0xff, (width >> 8) & 0xff, width & 0xff, 0x01, 0x01, 0x11, 0x00]);
const SOS = seg(0xda, [0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]);
const SCAN = [0x12, 0x34];
/** A segment whose bytes 3–6, read as a frame header would read them, say 999×999. */
const decoy = (marker: number) => seg(marker, [0x00, 0x00, 0x00, 0x03, 0xe7, 0x03, 0xe7, 0x00, 0x00]);

describe('a JPEG is read marker by marker', () => {
  it('takes its size from the first frame header, of any kind but DHT, JPG and DAC', async () => {
    expect(await examine(bytes(SOI, APP0, sof(33, 17), SOS, SCAN, EOI))).toEqual({
      mime: 'image/jpeg',
      width: 33,
      height: 17,
      pixels: 561,
    });
    // SOF15, the last frame header.
    expect(await examine(bytes(SOI, sof(40, 30, 0xcf), SOS, SCAN, EOI))).toMatchObject({ width: 40, height: 30 });
    // DHT, JPG, DAC and a reserved marker before the frame header do not give the size.
    for (const marker of [0xc4, 0xc8, 0xcc, 0xbf]) {
      expect(await examine(bytes(SOI, decoy(marker), sof(12, 10), SOS, SCAN, EOI))).toEqual({
        mime: 'image/jpeg',
        width: 12,
        height: 10,
        pixels: 120,
      });
    }
    // A later frame header does not change it.
    expect(await examine(bytes(SOI, sof(12, 10), sof(999, 999, 0xc2), SOS, SCAN, EOI))).toMatchObject({ width: 12, height: 10 });
  });

  it('reads a frame header of eight bytes, refuses a shorter one', async () => {
    const short = seg(0xc0, [0x08, 0x00, 0x02, 0x00, 0x03]);
    expect(await examine(bytes(SOI, short, SOS, SCAN, EOI))).toEqual({ mime: 'image/jpeg', problem: 'the frame header is too short' });
    const bare = seg(0xc0, [0x08, 0x00, 0x02, 0x00, 0x03, 0x00]);
    expect(await examine(bytes(SOI, bare, SOS, SCAN, EOI))).toEqual({ mime: 'image/jpeg', width: 3, height: 2, pixels: 6 });
  });

  it('wants a frame header and a scan, the frame first', async () => {
    expect(await examine(bytes(SOI, APP0, sof(4, 4), EOI))).toEqual({ mime: 'image/jpeg', problem: 'the image has no frame or no scan' });
    expect(await examine(bytes(SOI, APP0, EOI))).toEqual({ mime: 'image/jpeg', problem: 'the image has no frame or no scan' });
    expect(await examine(bytes(SOI, SOS, SCAN, sof(4, 4), EOI))).toEqual({
      mime: 'image/jpeg',
      problem: 'a scan comes before the frame header',
    });
  });

  it('skips fill bytes, restart and TEM markers, and stuffed bytes and restarts inside a scan', async () => {
    expect(await examine(bytes(SOI, [0xff, 0xff, 0xff], APP0, [0xff, 0xd0, 0xff, 0xd7, 0xff, 0x01], sof(5, 6), SOS, SCAN, EOI))).toEqual({
      mime: 'image/jpeg',
      width: 5,
      height: 6,
      pixels: 30,
    });
    const scan = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd7, 0x78, 0xff, 0xd3, 0x9a];
    expect(await examine(bytes(SOI, sof(5, 6), SOS, scan, EOI))).toEqual({ mime: 'image/jpeg', width: 5, height: 6, pixels: 30 });
    // Two scans, the second after a DHT between them.
    expect(await examine(bytes(SOI, sof(5, 6), SOS, scan, seg(0xc4, [0x00, ...Array(16).fill(0)]), SOS, SCAN, EOI))).toMatchObject({
      width: 5,
      height: 6,
    });
  });

  it('reads a marker below the restart markers that ends a scan as a segment, whose length must fit', async () => {
    // 0xFF 0xC4 inside a scan is a DHT, not scan data: its length (0xFFFF) runs past the end of the file.
    expect(await examine(bytes(SOI, sof(5, 6), SOS, [0x12, 0xff, 0xc4, 0xff, 0xff], EOI))).toEqual({
      mime: 'image/jpeg',
      problem: expect.stringMatching(/runs past the end/),
    });
  });

  it('accepts zero padding after the end-of-image marker, nothing else', async () => {
    expect(await examine(bytes(SOI, sof(2, 2), SOS, SCAN, EOI, [0, 0, 0]))).toEqual({ mime: 'image/jpeg', width: 2, height: 2, pixels: 4 });
    expect(await examine(bytes(SOI, sof(2, 2), SOS, SCAN, EOI, [0, 0, 1, 0]))).toEqual({
      mime: 'image/jpeg',
      problem: '4 bytes follow the end-of-image marker',
    });
  });

  it('refuses a byte where a marker belongs, and markers that belong elsewhere', async () => {
    expect(await examine(bytes(SOI, APP0, [0x00, 0xe0], sof(2, 2), SOS, SCAN, EOI))).toEqual({
      mime: 'image/jpeg',
      problem: 'expected a marker at byte 20',
    });
    expect(await examine(bytes(SOI, APP0, [0xff, 0xd8], sof(2, 2), SOS, SCAN, EOI))).toEqual({
      mime: 'image/jpeg',
      problem: 'marker 0xd8 at byte 20 does not belong here',
    });
    expect(await examine(bytes(SOI, APP0, [0xff, 0x00], sof(2, 2), SOS, SCAN, EOI))).toEqual({
      mime: 'image/jpeg',
      problem: 'marker 0x0 at byte 20 does not belong here',
    });
  });

  it('refuses a file cut short between, inside or at the end of segments', async () => {
    expect(await examine(bytes(SOI, APP0))).toEqual({ mime: 'image/jpeg', problem: 'there is no end-of-image marker' });
    expect(await examine(bytes(SOI, APP0, [0xff]))).toEqual({ mime: 'image/jpeg', problem: 'there is no end-of-image marker' });
    // An empty segment that ends the file is whole; the file still has no end.
    expect(await examine(bytes(SOI, [0xff, 0xe1, 0x00, 0x02]))).toEqual({ mime: 'image/jpeg', problem: 'there is no end-of-image marker' });
    expect(await examine(bytes(SOI, [0xff, 0xe1, 0x00, 0x04, 0xaa, 0xbb]))).toEqual({
      mime: 'image/jpeg',
      problem: 'there is no end-of-image marker',
    });
    expect(await examine(bytes(SOI, APP0, [0xff, 0xe1, 0x00]))).toEqual({
      mime: 'image/jpeg',
      problem: 'a segment runs past the end of the file',
    });
    expect(await examine(bytes(SOI, APP0, [0xff, 0xe1, 0x00, 0x10, 0xaa, 0xbb]))).toEqual({
      mime: 'image/jpeg',
      problem: 'the segment at byte 20 runs past the end of the file',
    });
  });

  it('refuses a segment length below two, and takes an empty segment', async () => {
    for (const length of [0, 1]) {
      expect(await examine(bytes(SOI, APP0, [0xff, 0xe1, 0x00, length], sof(2, 2), SOS, SCAN, EOI))).toEqual({
        mime: 'image/jpeg',
        problem: 'the segment at byte 20 runs past the end of the file',
      });
    }
    expect(await examine(bytes(SOI, APP0, [0xff, 0xe1, 0x00, 0x02], sof(2, 3), SOS, SCAN, EOI))).toEqual({
      mime: 'image/jpeg',
      width: 2,
      height: 3,
      pixels: 6,
    });
  });

  it('refuses a scan that never reaches a marker', async () => {
    expect(await examine(bytes(SOI, sof(2, 2), SOS, [0x12, 0x34, 0x56]))).toEqual({
      mime: 'image/jpeg',
      problem: 'the scan runs past the end of the file',
    });
    expect(await examine(bytes(SOI, sof(2, 2), SOS, [0x12, 0x34, 0xff]))).toEqual({
      mime: 'image/jpeg',
      problem: 'the scan runs past the end of the file',
    });
  });
});

// ---------------------------------------------------------------- GIF

const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const screen = (width: number, height: number, flags = 0x80) => [
  ...Buffer.from('GIF89a', 'latin1'),
  ...le16(width),
  ...le16(height),
  flags,
  0,
  0,
  ...(flags & 0x80 ? Array(3 * 2 ** ((flags & 7) + 1)).fill(0) : []),
];
/** An image block: descriptor, optional local colour table, LZW code size, one data sub-block. */
const frame = (width: number, height: number, flags = 0, codeSize = 2) => [
  0x2c,
  0,
  0,
  0,
  0,
  ...le16(width),
  ...le16(height),
  flags,
  ...(flags & 0x80 ? Array(3 * 2 ** ((flags & 7) + 1)).fill(0) : []),
  codeSize,
  2,
  0x4c,
  0x01,
  0,
];
const GRAPHIC_CONTROL = [0x21, 0xf9, 4, 0, 0, 0, 0, 0];
const TRAILER = [0x3b];

describe('a GIF is read block by block', () => {
  it('gives its screen size, and the largest area it declares', async () => {
    expect(await examine(bytes(screen(3, 2), GRAPHIC_CONTROL, frame(3, 2), TRAILER))).toEqual({
      mime: 'image/gif',
      width: 3,
      height: 2,
      pixels: 6,
    });
    // A frame larger than the screen counts, and the largest of several.
    expect(await examine(bytes(screen(2, 2), frame(10, 3), frame(4, 5), frame(1, 1), TRAILER))).toEqual({
      mime: 'image/gif',
      width: 2,
      height: 2,
      pixels: 30,
    });
  });

  it('skips local colour tables and takes LZW code sizes from 2 to 8', async () => {
    expect(await examine(bytes(screen(4, 4, 0), frame(4, 4, 0x81), frame(2, 2, 0x80, 8), TRAILER))).toEqual({
      mime: 'image/gif',
      width: 4,
      height: 4,
      pixels: 16,
    });
  });

  it('refuses an invalid LZW code size', async () => {
    for (const codeSize of [1, 9]) {
      expect(await examine(bytes(screen(4, 4), frame(4, 4, 0, codeSize), TRAILER))).toEqual({
        mime: 'image/gif',
        problem: 'a frame has an invalid LZW code size',
      });
    }
    // The file ends where the code size belongs, after a local colour table.
    expect(await examine(bytes(screen(4, 4), frame(4, 4, 0x80).slice(0, 16)))).toEqual({
      mime: 'image/gif',
      problem: 'a frame has an invalid LZW code size',
    });
  });

  it('refuses a frame with no width or no height', async () => {
    for (const [w, h] of [
      [0, 4],
      [4, 0],
    ]) {
      expect(await examine(bytes(screen(4, 4), frame(w!, h!), TRAILER))).toEqual({
        mime: 'image/gif',
        problem: 'a frame has no width or height',
      });
    }
  });

  it('refuses a file cut short', async () => {
    expect(await examine(bytes(screen(4, 4, 0).slice(0, 12)))).toEqual({
      mime: 'image/gif',
      problem: 'the screen descriptor is cut short',
    });
    expect(await examine(bytes(screen(4, 4, 0)))).toEqual({ mime: 'image/gif', problem: 'there is no trailer' });
    expect(await examine(bytes(screen(4, 4), frame(4, 4)))).toEqual({ mime: 'image/gif', problem: 'there is no trailer' });
    // An image descriptor of 9 bytes needs its code size too.
    expect(await examine(bytes(screen(4, 4, 0), frame(4, 4).slice(0, 9)))).toEqual({
      mime: 'image/gif',
      problem: 'an image descriptor is cut short',
    });
    expect(await examine(bytes(screen(4, 4, 0), frame(4, 4).slice(0, 11)))).toEqual({
      mime: 'image/gif',
      problem: 'a data block runs past the end of the file',
    });
    expect(await examine(bytes(screen(4, 4, 0), GRAPHIC_CONTROL.slice(0, 7)))).toEqual({
      mime: 'image/gif',
      problem: 'a data block runs past the end of the file',
    });
    expect(await examine(bytes(screen(4, 4, 0), [0x21, 0xfe, 200, 0x41]))).toEqual({
      mime: 'image/gif',
      problem: 'a data block runs past the end of the file',
    });
  });

  it('wants an image block, nothing after the trailer, and no unknown block', async () => {
    expect(await examine(bytes(screen(4, 4), GRAPHIC_CONTROL, TRAILER))).toEqual({ mime: 'image/gif', problem: 'there is no image block' });
    expect(await examine(bytes(screen(4, 4), frame(4, 4), TRAILER, '<a>'))).toEqual({
      mime: 'image/gif',
      problem: '3 bytes follow the trailer',
    });
    expect(await examine(bytes(screen(4, 4, 0), [0x99], frame(4, 4), TRAILER))).toEqual({
      mime: 'image/gif',
      problem: 'byte 13 (0x99) starts no GIF block',
    });
  });
});

// ---------------------------------------------------------------- WebP

function riffChunk(fourcc: string, data: number[], pad = true): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32LE(data.length);
  return bytes(fourcc, len, data, pad && data.length % 2 ? [0] : []);
}
const riff = (...chunks: Buffer[]) => {
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), ...chunks]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return bytes('RIFF', size, body);
};
const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];
/** VP8X: flags, three reserved bytes, canvas width and height less one. */
const vp8x = (width: number, height: number, extra: number[] = []) =>
  riffChunk('VP8X', [0x10, 0, 0, 0, ...le24(width - 1), ...le24(height - 1), ...extra]);
/** A lossy key frame header: frame tag, start code 9D 01 2A, 14-bit width and height. */
const vp8 = (width: number, height: number, startCode = [0x9d, 0x01, 0x2a], fourcc = 'VP8 ') =>
  riffChunk(fourcc, [0x30, 0x01, 0x00, ...startCode, ...le16(width), ...le16(height)]);
/** A lossless header: signature 0x2F, then width−1 and height−1 in 14 bits each. */
const vp8l = (width: number, height: number, signature = 0x2f, fourcc = 'VP8L') => {
  const bits = (width - 1) | ((height - 1) << 14);
  return riffChunk(fourcc, [signature, bits & 0xff, (bits >>> 8) & 0xff, (bits >>> 16) & 0xff, (bits >>> 24) & 0xff]);
};

const refused = (problem: string) => ({ mime: 'image/webp', problem });
const NOT_A_HEADER = 'the first chunk is not a valid VP8, VP8L or VP8X header';

describe('a WebP is read chunk by chunk', () => {
  it('reads the size of a lossy, a lossless and an extended file', async () => {
    expect(await examine(riff(vp8(300, 200)))).toEqual({ mime: 'image/webp', width: 300, height: 200, pixels: 60000 });
    expect(await examine(riff(vp8l(300, 200)))).toEqual({ mime: 'image/webp', width: 300, height: 200, pixels: 60000 });
    // Extended: the canvas in VP8X is the size, whatever the image chunks after it say.
    expect(await examine(riff(vp8x(640, 480), riffChunk('ICCP', [1, 2, 3]), vp8(20, 10)))).toEqual({
      mime: 'image/webp',
      width: 640,
      height: 480,
      pixels: 640 * 480,
    });
    expect(await examine(riff(vp8x(70000, 3), vp8l(5, 5)))).toMatchObject({ width: 70000, height: 3 });
    // An animation: its frames are ANMF chunks.
    expect(await examine(riff(vp8x(16, 16), riffChunk('ANIM', [0, 0, 0, 0, 0, 0]), riffChunk('ANMF', Array(24).fill(0))))).toEqual({
      mime: 'image/webp',
      width: 16,
      height: 16,
      pixels: 256,
    });
    // Empty chunks, also the last one.
    expect(await examine(riff(vp8l(2, 2), riffChunk('EXIF', [])))).toMatchObject({ width: 2, height: 2 });
  });

  it('wants image data, not only a header', async () => {
    expect(await examine(riff(vp8x(16, 16), riffChunk('ICCP', [1, 2])))).toEqual(refused('there is no image data'));
    expect(await examine(riff(vp8x(16, 16)))).toEqual(refused('there is no image data'));
  });

  it('wants a VP8X of ten bytes', async () => {
    expect(await examine(riff(riffChunk('VP8X', [0x10, 0, 0, 0, 0, 0, 0, 0, 0]), vp8l(1, 1)))).toEqual(refused(NOT_A_HEADER));
  });

  it('refuses a first chunk that is no image header', async () => {
    expect(await examine(riff(riffChunk('ICCP', Array(12).fill(0)), vp8l(1, 1)))).toEqual(refused(NOT_A_HEADER));
    // Headers under other names.
    expect(await examine(riff(vp8(3, 3, undefined, 'ALPH'), vp8(3, 3)))).toEqual(refused(NOT_A_HEADER));
    expect(await examine(riff(vp8l(3, 3, 0x2f, 'ALPH'), vp8l(3, 3)))).toEqual(refused(NOT_A_HEADER));
  });

  it('refuses a lossy header without its start code, or cut short', async () => {
    for (const startCode of [
      [0x00, 0x01, 0x2a],
      [0x9d, 0x00, 0x2a],
      [0x9d, 0x01, 0x00],
    ]) {
      expect(await examine(riff(vp8(3, 3, startCode)))).toEqual(refused(NOT_A_HEADER));
    }
    expect(await examine(riff(riffChunk('VP8 ', [0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, 0x03, 0x00])))).toEqual(refused(NOT_A_HEADER));
  });

  it('refuses a lossless header without its signature, or cut short', async () => {
    expect(await examine(riff(vp8l(3, 3, 0x2e)))).toEqual(refused(NOT_A_HEADER));
    expect(await examine(riff(riffChunk('VP8L', [0x2f])))).toEqual(refused(NOT_A_HEADER));
    expect(await examine(riff(riffChunk('VP8L', [0x2f, 0, 0, 0])))).toEqual(refused(NOT_A_HEADER));
  });

  it('refuses a chunk name that is not four capitals, digits or spaces', async () => {
    expect(await examine(riff(vp8l(2, 2), riffChunk('exif', [1, 2])))).toEqual(refused('"exif" at byte 26 is not a WebP chunk'));
    expect(await examine(riff(vp8l(2, 2), riffChunk('\u0001XIF', [1, 2])))).toEqual(refused('"?XIF" at byte 26 is not a WebP chunk'));
  });

  it('refuses chunks that run past the end, padding byte included', async () => {
    const cut = (file: Buffer, by: number) => {
      const short = Buffer.from(file.subarray(0, file.length - by));
      short.writeUInt32LE(short.length - 8, 4);
      return short;
    };
    expect(await examine(cut(riff(vp8(3, 3)), 1))).toEqual(refused('the VP8 chunk runs past the end of the file'));
    // A chunk of odd length without its padding byte.
    expect(await examine(cut(riff(vp8l(3, 3)), 1))).toEqual(refused('the VP8L chunk runs past the end of the file'));
    expect(await examine(cut(riff(vp8l(2, 2), riffChunk('EXIF', [1, 2, 3, 4])), 4))).toEqual(
      refused('the EXIF chunk runs past the end of the file'),
    );
    expect(await examine(cut(riff(vp8l(2, 2), riffChunk('EXIF', [])), 1))).toEqual(refused('a chunk runs past the end of the file'));
  });

  it('refuses a RIFF size that is not the file’s, saying both', async () => {
    const file = riff(vp8l(2, 2));
    expect(await examine(bytes(file, [0, 0]))).toEqual(
      refused(`the RIFF header says ${file.length} bytes, the file has ${file.length + 2}`),
    );
  });
});
