import { crc32, deflateSync } from 'node:zlib';

/** A real PNG of the given size (8-bit greyscale), built byte by byte. */
export function png(width: number, height: number): Buffer {
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
  const rows = Buffer.concat(
    Array.from({ length: height }, (_, y) => Buffer.from([0, ...Array.from({ length: width }, (_, x) => (x * 40 + y * 80) % 256)])),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
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
