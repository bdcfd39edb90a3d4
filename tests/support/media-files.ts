import { crc32, deflateSync } from 'node:zlib';

/** A real PNG of the given size (8-bit greyscale), built byte by byte. */
export function png(width: number, height: number): Buffer {
  const rows = Buffer.concat(
    Array.from({ length: height }, (_, y) => Buffer.from([0, ...Array.from({ length: width }, (_, x) => (x * 40 + y * 80) % 256)])),
  );
  return greyscalePng(width, height, rows);
}

/**
 * A greyscale PNG of these rows (each a filter byte, then `width` pixels), deflated at `level`
 * (0 stores them as they are, so the file stays as large as its pixels).
 */
export function greyscalePng(width: number, height: number, rows: Buffer, level = 6): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A baseline JPEG of the given size: SOI, JFIF APP0, a quantisation table, the SOF0 frame
 * header that carries the dimensions, Huffman tables, one scan of a flat grey image, EOI.
 */
export function jpeg(width: number, height: number): Buffer {
  const seg = (marker: number, data: number[]) =>
    Buffer.from([0xff, marker, ((data.length + 2) >> 8) & 0xff, (data.length + 2) & 0xff, ...data]);
  const app0 = seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const dqt = seg(0xdb, [0x00, ...Array(64).fill(1)]);
  const sof0 = seg(0xc0, [0x08, (height >> 8) & 0xff, height & 0xff, (width >> 8) & 0xff, width & 0xff, 0x01, 0x01, 0x11, 0x00]);
  // DC table: one code of length 1 for category 0; AC table: one code of length 1 for EOB.
  const dhtDc = seg(0xc4, [0x00, 0x01, ...Array(15).fill(0), 0x00]);
  const dhtAc = seg(0xc4, [0x10, 0x01, ...Array(15).fill(0), 0x00]);
  const sos = seg(0xda, [0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]);
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  // Each block is DC "0" then AC EOB "0": two bits of zero per block, padded with ones.
  const bits = blocks * 2;
  const data = Buffer.alloc(Math.ceil(bits / 8), 0);
  const pad = data.length * 8 - bits;
  if (pad > 0) data[data.length - 1]! |= (1 << pad) - 1;
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, dqt, sof0, dhtDc, dhtAc, sos, data, Buffer.from([0xff, 0xd9])]);
}

/**
 * A GIF89a of the given size in two colours, its LZW data written the simplest valid way: a
 * clear code before every pixel, so every code is 3 bits wide.
 */
export function gif(width: number, height: number): Buffer {
  const codes: number[] = [];
  for (let i = 0; i < width * height; i++) codes.push(4, (i + Math.floor(i / width)) % 2); // clear, pixel
  codes.push(5); // end of information
  const packed: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const code of codes) {
    acc |= code << bits;
    bits += 3;
    while (bits >= 8) {
      packed.push(acc & 0xff);
      acc >>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) packed.push(acc & 0xff);
  const blocks: number[] = [];
  for (let i = 0; i < packed.length; i += 255) {
    const part = packed.slice(i, i + 255);
    blocks.push(part.length, ...part);
  }
  const le = (n: number) => [n & 0xff, n >> 8];
  return Buffer.from([
    ...Buffer.from('GIF89a', 'latin1'),
    ...le(width),
    ...le(height),
    0x80, // global colour table of 2 entries
    0,
    0,
    ...[0, 0, 0, 255, 255, 255],
    ...[0x2c, 0, 0, 0, 0, ...le(width), ...le(height), 0],
    2, // LZW minimum code size
    ...blocks,
    0,
    0x3b,
  ]);
}

/** Real 1×1 WebP files, lossy (VP8) and lossless (VP8L), as browsers' feature tests use them. */
export const webpLossy = () => Buffer.from('UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA', 'base64');
export const webpLossless = () => Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

/**
 * An MP3 of silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, 417 bytes, 1152 samples each),
 * after an ID3v2.4 tag with a title.
 */
export function mp3(frames: number): Buffer {
  const title = Buffer.concat([Buffer.from('TIT2', 'latin1'), Buffer.from([0, 0, 0, 7, 0, 0, 3]), Buffer.from('Border', 'latin1')]);
  const id3 = Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.from([4, 0, 0, 0, 0, 0, title.length]), title]);
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0xc4]); // sync, MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono
  return Buffer.concat([id3, ...Array.from({ length: frames }, () => frame)]);
}

/** An ISO base media box. */
export function box(type: string, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

/**
 * A minimal MP4: `ftyp`, a `moov` whose movie header gives the duration and whose one track is
 * video (`vide`) or sound (`soun`), and the media data.
 */
export function mp4(opts: { handler: 'vide' | 'soun'; seconds: number; brand?: string }): Buffer {
  const u32 = (...n: number[]) => Buffer.concat(n.map((v) => Buffer.from([v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff])));
  const brand = opts.brand ?? (opts.handler === 'vide' ? 'isom' : 'M4A ');
  const ftyp = box('ftyp', Buffer.from(brand, 'latin1'), u32(0x200), Buffer.from(`${brand}mp41`, 'latin1'));
  const mvhd = box('mvhd', u32(0, 0, 0, 1000, opts.seconds * 1000, 0x00010000), Buffer.alloc(76));
  const hdlr = box('hdlr', u32(0, 0), Buffer.from(opts.handler, 'latin1'), u32(0, 0, 0), Buffer.from('Newsroom\0', 'latin1'));
  const mdhd = box('mdhd', u32(0, 0, 0, 1000, opts.seconds * 1000, 0x55c40000));
  const trak = box('trak', box('mdia', mdhd, hdlr, box('minf', box('stbl'))));
  return Buffer.concat([ftyp, box('moov', mvhd, trak), box('mdat', Buffer.alloc(64, 0x11))]);
}

/** Posts a file through a presigned POST form, as a browser would. */
export async function uploadWithForm(
  upload: { url: string; fields: Record<string, string> },
  file: Buffer,
  contentType: string,
  filename = 'upload.bin',
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append('file', new Blob([file], { type: contentType }), filename);
  const res = await fetch(upload.url, { method: 'POST', body: form });
  await res.arrayBuffer();
  return res.status;
}
