import { crc32 } from 'node:zlib';
import { ascii, broken, printable, u16be, u16le, u24le, u32be, u32le, type Examined } from './media-bytes.js';

/** Still images: each parser walks the whole file, chunk by chunk or segment by segment, to its end. */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export type ImageParser = (b: Uint8Array) => Examined;
export const IMAGES: Record<string, ImageParser> = { 'image/png': png, 'image/jpeg': jpeg, 'image/gif': gif, 'image/webp': webp };

const image = (mime: string, width: number, height: number, pixels = width * height): Examined => {
  if (!width || !height) broken('the image has no width or height');
  return { mime, width, height, pixels };
};

/** PNG: chunks with their lengths and CRCs, IHDR first, at least one IDAT, IEND last and at the very end. */
function png(b: Uint8Array): Examined {
  let pos = 8;
  let width = 0;
  let height = 0;
  let imageData = false;
  for (let index = 0; ; index++) {
    if (pos + 12 > b.length) broken('a chunk runs past the end of the file');
    const length = u32be(b, pos);
    const type = ascii(b, pos + 4, pos + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) broken(`"${printable(type)}" at byte ${pos + 4} is not a PNG chunk`);
    if (length > 0x7fffffff || pos + 12 + length > b.length) broken(`the ${type} chunk runs past the end of the file`);
    if (crc32(b.subarray(pos + 4, pos + 8 + length)) !== u32be(b, pos + 8 + length)) broken(`the ${type} chunk's CRC does not match`);
    if (index === 0) {
      if (type !== 'IHDR' || length !== 13) broken('the first chunk is not IHDR');
      width = u32be(b, pos + 8);
      height = u32be(b, pos + 12);
    } else if (type === 'IHDR') broken('a second IHDR chunk');
    if (type === 'IDAT') imageData = true;
    pos += 12 + length;
    if (type === 'IEND') {
      if (pos !== b.length) broken(`${b.length - pos} bytes follow the IEND chunk`);
      if (!imageData) broken('there is no IDAT chunk');
      return image('image/png', width, height);
    }
  }
}

const isFrameHeader = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/**
 * JPEG: marker segments with their lengths, a frame header before the first scan, each scan's
 * entropy-coded data to the next marker, EOI at the end (only zero padding may follow).
 */
function jpeg(b: Uint8Array): Examined {
  let pos = 2;
  let frame: { width: number; height: number } | undefined;
  let scanned = false;
  for (;;) {
    if (pos + 2 > b.length) broken('there is no end-of-image marker');
    if (b[pos] !== 0xff) broken(`expected a marker at byte ${pos}`);
    while (b[pos + 1] === 0xff) pos++; // fill bytes
    const marker = b[pos + 1]!;
    pos += 2;
    if (marker === 0xd9) {
      if (!frame || !scanned) broken('the image has no frame or no scan');
      for (let i = pos; i < b.length; i++) if (b[i] !== 0) broken(`${b.length - pos} bytes follow the end-of-image marker`);
      return image('image/jpeg', frame.width, frame.height);
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // markers without a segment
    if (marker === 0x00 || marker === 0xd8) broken(`marker 0x${marker.toString(16)} at byte ${pos - 2} does not belong here`);
    if (pos + 2 > b.length) broken('a segment runs past the end of the file');
    const length = u16be(b, pos);
    if (length < 2 || pos + length > b.length) broken(`the segment at byte ${pos - 2} runs past the end of the file`);
    if (isFrameHeader(marker)) {
      if (length < 8) broken('the frame header is too short');
      frame ??= { height: u16be(b, pos + 3), width: u16be(b, pos + 5) };
    }
    pos += length;
    if (marker === 0xda) {
      if (!frame) broken('a scan comes before the frame header');
      scanned = true;
      // Entropy-coded data: 0xFF is followed by 0x00 (a stuffed byte) or a restart marker, else a marker starts.
      for (;;) {
        const ff = b.indexOf(0xff, pos);
        if (ff < 0 || ff + 1 >= b.length) broken('the scan runs past the end of the file');
        const next = b[ff + 1]!;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
          pos = ff + 2;
          continue;
        }
        pos = ff;
        break;
      }
    }
  }
}

/** GIF: screen descriptor and colour table, then extension and image blocks with their sub-blocks, the trailer last. */
function gif(b: Uint8Array): Examined {
  if (b.length < 13) broken('the screen descriptor is cut short');
  const width = u16le(b, 6);
  const height = u16le(b, 8);
  const colourTable = (flags: number) => (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  let pos = 13 + colourTable(b[10]!);
  let largestFrame = 0;
  let frames = 0;
  const subBlocks = () => {
    for (;;) {
      if (pos >= b.length) broken('a data block runs past the end of the file');
      const size = b[pos++]!;
      if (size === 0) return;
      pos += size;
    }
  };
  for (;;) {
    if (pos >= b.length) broken('there is no trailer');
    const block = b[pos++]!;
    if (block === 0x3b) {
      if (pos !== b.length) broken(`${b.length - pos} bytes follow the trailer`);
      if (frames === 0) broken('there is no image block');
      return image('image/gif', width, height, Math.max(width * height, largestFrame));
    }
    if (block === 0x21) {
      pos++; // the extension's label
      subBlocks();
    } else if (block === 0x2c) {
      if (pos + 10 > b.length) broken('an image descriptor is cut short');
      const w = u16le(b, pos + 4);
      const h = u16le(b, pos + 6);
      if (!w || !h) broken('a frame has no width or height');
      largestFrame = Math.max(largestFrame, w * h);
      pos += 9 + colourTable(b[pos + 8]!);
      const codeSize = b[pos++];
      if (codeSize === undefined || codeSize < 2 || codeSize > 8) broken('a frame has an invalid LZW code size');
      subBlocks();
      frames++;
    } else {
      broken(`byte ${pos - 1} (0x${block.toString(16)}) starts no GIF block`);
    }
  }
}

/** WebP: a RIFF container whose size is the file's, chunks to its end, the first one VP8, VP8L or VP8X. */
function webp(b: Uint8Array): Examined {
  if (u32le(b, 4) + 8 !== b.length) broken(`the RIFF header says ${u32le(b, 4) + 8} bytes, the file has ${b.length}`);
  let pos = 12;
  let size: { width: number; height: number } | undefined;
  let imageData = false;
  while (pos < b.length) {
    if (pos + 8 > b.length) broken('a chunk runs past the end of the file');
    const fourcc = ascii(b, pos, pos + 4);
    const length = u32le(b, pos + 4);
    const data = pos + 8;
    if (!/^[A-Z0-9 ]{4}$/.test(fourcc)) broken(`"${printable(fourcc)}" at byte ${pos} is not a WebP chunk`);
    if (data + length + (length & 1) > b.length) broken(`the ${fourcc.trim()} chunk runs past the end of the file`);
    if (!size) {
      if (fourcc === 'VP8X' && length >= 10) size = { width: 1 + u24le(b, data + 4), height: 1 + u24le(b, data + 7) };
      else if (fourcc === 'VP8 ' && length >= 10 && b[data + 3] === 0x9d && b[data + 4] === 0x01 && b[data + 5] === 0x2a) {
        size = { width: u16le(b, data + 6) & 0x3fff, height: u16le(b, data + 8) & 0x3fff };
      } else if (fourcc === 'VP8L' && length >= 5 && b[data] === 0x2f) {
        const bits = u32le(b, data + 1);
        size = { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
      } else broken('the first chunk is not a valid VP8, VP8L or VP8X header');
    }
    if (fourcc === 'VP8 ' || fourcc === 'VP8L' || fourcc === 'ANMF') imageData = true;
    pos = data + length + (length & 1);
  }
  if (!imageData) broken('there is no image data');
  return image('image/webp', size!.width, size!.height);
}
