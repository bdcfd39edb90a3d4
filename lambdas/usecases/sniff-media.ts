import { crc32 } from 'node:zlib';
import type { ByteSource } from './ports.js';

/**
 * What a file is, judged by walking its whole structure: an image's chunks or segments to its
 * end marker, an audio file's frames, an MP4's boxes. `problem` says why a file that starts like
 * `mime` is not one; `pixels` is the largest area the image declares (its canvas or a frame).
 */
export interface Examined {
  mime: string;
  width?: number;
  height?: number;
  pixels?: number;
  durationSeconds?: number;
  problem?: string;
}

/** Thrown by the parsers below for a file whose structure is broken; nothing else is. */
class Broken extends Error {}
function broken(why: string): never {
  throw new Broken(why);
}

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u32le = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const printable = (s: string) => s.replace(/[^\x20-\x7e]/g, '?');

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The type a file's first bytes claim, before anything is checked. */
export function claimedType(head: Uint8Array): string | undefined {
  if (head.length >= 8 && PNG_SIGNATURE.every((v, i) => head[i] === v)) return 'image/png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 6 && /^GIF8[79]a$/.test(ascii(head, 0, 6))) return 'image/gif';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  if (head.length >= 8 && ascii(head, 4, 8) === 'ftyp') return 'video/mp4';
  if (head.length >= 3 && ascii(head, 0, 3) === 'ID3') return 'audio/mpeg';
  if (head.length >= 4 && mpegFrame(head, 0)) return 'audio/mpeg';
  return undefined;
}

/**
 * Recognises a file of one of the newsroom's types and checks its whole structure. Undefined
 * when the first bytes are no type the newsroom takes. Errors reading the source propagate.
 */
export async function examineMedia(source: ByteSource): Promise<Examined | undefined> {
  const claimed = claimedType(await source.read(0, 16));
  if (!claimed) return undefined;
  try {
    switch (claimed) {
      case 'video/mp4':
        return await isoMedia(source);
      case 'audio/mpeg':
        return await mpegAudio(source);
      default: {
        const bytes = await source.read(0, source.size);
        if (bytes.byteLength !== source.size) broken('the file ended while it was read');
        return IMAGES[claimed]!(bytes);
      }
    }
  } catch (err) {
    if (err instanceof Broken) return { mime: claimed, problem: err.message };
    throw err;
  }
}

type ImageParser = (b: Uint8Array) => Examined;
const IMAGES: Record<string, ImageParser> = { 'image/png': png, 'image/jpeg': jpeg, 'image/gif': gif, 'image/webp': webp };

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

// MPEG audio: bit rates (kbit/s) by version and layer, sample rates by version.
const BITRATES = {
  v1: [
    [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  ],
  v2: [
    [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  ],
};
const SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

interface MpegFrame {
  format: number; // version, layer and sample rate bits: every frame of a stream shares them
  length: number;
  samples: number;
  sampleRate: number;
}

/** Reads an MPEG audio frame header (free-format bit rate excluded). */
function mpegFrame(b: Uint8Array, at: number): MpegFrame | undefined {
  if (b.length < at + 4 || b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) return undefined;
  const version = (b[at + 1]! >> 3) & 3;
  const layerBits = (b[at + 1]! >> 1) & 3;
  const rateIndex = b[at + 2]! >> 4;
  const srIndex = (b[at + 2]! >> 2) & 3;
  if (version === 1 || layerBits === 0 || rateIndex === 0 || rateIndex === 15 || srIndex === 3) return undefined;
  const layer = 4 - layerBits; // 1, 2 or 3
  const bitrate = (version === 3 ? BITRATES.v1 : BITRATES.v2)[layer - 1]![rateIndex - 1]! * 1000;
  const sampleRate = SAMPLE_RATES[version]![srIndex]!;
  const padding = (b[at + 2]! >> 1) & 1;
  const samples = layer === 1 ? 384 : layer === 3 && version !== 3 ? 576 : 1152;
  const length =
    layer === 1 ? (Math.floor((12 * bitrate) / sampleRate) + padding) * 4 : Math.floor(((samples / 8) * bitrate) / sampleRate) + padding;
  return { format: (b[at + 1]! & 0x1e) | (srIndex << 8), length, samples, sampleRate };
}

/**
 * MP3: an optional ID3v2 tag, then MPEG audio frames of one format back to back to the end
 * (an ID3v1 or APEv2 tag may close the file). The duration is the frames' samples.
 */
async function mpegAudio(source: ByteSource): Promise<Examined> {
  let pos = 0;
  const head = await source.read(0, 10);
  if (ascii(head, 0, 3) === 'ID3') {
    if (head.length < 10 || head[3]! < 2 || head[3]! > 4 || [6, 7, 8, 9].some((i) => head[i]! >= 0x80))
      broken('the ID3 tag header is invalid');
    pos = 10 + ((head[6]! << 21) | (head[7]! << 14) | (head[8]! << 7) | head[9]!) + (head[5]! & 0x10 ? 10 : 0);
  }
  let end = source.size;
  if (end - pos >= 128 && ascii(await source.read(end - 128, 3), 0, 3) === 'TAG') end -= 128;
  if (end - pos >= 32) {
    const footer = await source.read(end - 32, 32);
    if (ascii(footer, 0, 8) === 'APETAGEX') end -= u32le(footer, 12) + (footer[23]! & 0x80 ? 32 : 0);
  }
  let format: number | undefined;
  let frames = 0;
  let samples = 0;
  let sampleRate = 0;
  while (pos < end) {
    const frame = mpegFrame(await source.read(pos, 4), 0);
    if (!frame) broken(`there is no MPEG audio frame at byte ${pos}`);
    if (format === undefined) ({ format, sampleRate } = frame);
    else if (frame.format !== format) broken(`the frame at byte ${pos} is of another format than the first`);
    if (pos + frame.length > end) broken('the last frame is cut short');
    pos += frame.length;
    samples += frame.samples;
    frames++;
  }
  if (pos !== end || frames === 0) broken('there are no MPEG audio frames');
  return { mime: 'audio/mpeg', durationSeconds: samples / sampleRate };
}

/** Boxes whose content is more boxes, walked to find the movie header and the tracks' handlers. */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts', 'dinf', 'mvex']);
/** The largest movie box read into memory (a long film's sample tables take a few megabytes). */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;

interface Box {
  type: string;
  start: number;
  header: number;
  end: number;
}

function box(b: Uint8Array, pos: number, limit: number, base = 0): Box {
  if (pos + 8 > limit) broken(`a box at byte ${base + pos} runs past its container`);
  let size = u32be(b, pos);
  const type = ascii(b, pos + 4, pos + 8);
  let header = 8;
  if (size === 1) {
    if (pos + 16 > limit) broken(`a box at byte ${base + pos} runs past its container`);
    size = u32be(b, pos + 8) * 2 ** 32 + u32be(b, pos + 12);
    header = 16;
  } else if (size === 0) size = limit - pos; // to the end of the file
  if (!/^[\x20-\x7e]{4}$/.test(type)) broken(`"${printable(type)}" at byte ${base + pos + 4} is not an MP4 box`);
  if (size < header || pos + size > limit) broken(`the ${type} box at byte ${base + pos} runs past its container`);
  return { type, start: pos, header, end: pos + size };
}

/**
 * MP4 and M4A (ISO base media): top-level boxes to the end of the file, `ftyp` first, one
 * `moov` with a movie header giving a duration, media data. Video when a track's handler is
 * `vide`, audio when the tracks are sound only.
 */
async function isoMedia(source: ByteSource): Promise<Examined> {
  let pos = 0;
  let movie: { duration: number; handlers: Set<string> } | undefined;
  let mediaData = false;
  for (let index = 0; pos < source.size; index++) {
    const header = await source.read(pos, 16);
    const { type, end } = box(header, 0, source.size - pos, pos);
    if (index === 0 && type !== 'ftyp') broken('the first box is not ftyp');
    if (type === 'moov') {
      if (movie) broken('there are two moov boxes');
      if (end > MAX_MOOV_BYTES) broken('the moov box is too large');
      movie = readMovie(await source.read(pos, end), pos);
    }
    if (type === 'mdat') mediaData = true;
    pos += end;
  }
  if (!movie) broken('there is no moov box');
  if (!mediaData) broken('there is no mdat box');
  if (!(movie!.duration > 0)) broken('the movie has no duration');
  const mime = movie!.handlers.has('vide')
    ? 'video/mp4'
    : movie!.handlers.has('soun')
      ? 'audio/mp4'
      : broken('there is no audio or video track');
  return { mime, durationSeconds: movie!.duration };
}

function readMovie(b: Uint8Array, base: number): { duration: number; handlers: Set<string> } {
  let duration = 0;
  let fragments = 0;
  let timescale = 0;
  const handlers = new Set<string>();
  const walk = (from: number, to: number) => {
    for (let pos = from; pos < to;) {
      const { type, header, end } = box(b, pos, to, base);
      const body = pos + header;
      if (CONTAINERS.has(type)) walk(body, end);
      else if (type === 'mvhd') {
        const v1 = b[body] === 1;
        if (end - body < (v1 ? 32 : 20)) broken('the movie header is cut short');
        timescale = u32be(b, body + (v1 ? 20 : 12));
        duration = v1 ? u32be(b, body + 24) * 2 ** 32 + u32be(b, body + 28) : u32be(b, body + 16);
      } else if (type === 'mehd') {
        const v1 = b[body] === 1;
        if (end - body < (v1 ? 12 : 8)) broken('the fragment header is cut short');
        fragments = v1 ? u32be(b, body + 4) * 2 ** 32 + u32be(b, body + 8) : u32be(b, body + 4);
      } else if (type === 'hdlr') {
        if (end - body < 12) broken('a handler box is cut short');
        handlers.add(ascii(b, body + 8, body + 12));
      }
      pos = end;
    }
  };
  const moov = box(b, 0, b.length, base);
  walk(moov.header, moov.end);
  if (!timescale) broken('the movie header is missing or has no timescale');
  return { duration: (duration || fragments) / timescale, handlers };
}
