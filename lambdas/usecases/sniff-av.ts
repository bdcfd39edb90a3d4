import type { ByteSource } from './ports.js';
import { ascii, broken, printable, u32be, u32le, type Examined } from './media-bytes.js';

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
export function mpegFrame(b: Uint8Array, at: number): MpegFrame | undefined {
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
export async function mpegAudio(source: ByteSource): Promise<Examined> {
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
export async function isoMedia(source: ByteSource): Promise<Examined> {
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
