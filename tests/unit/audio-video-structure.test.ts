import { describe, expect, it } from '@jest/globals';
import type { ByteSource } from '../../lambdas/usecases/ports.js';
import { mpegFrame } from '../../lambdas/usecases/sniff-av.js';
import { claimedType, examineMedia } from '../../lambdas/usecases/sniff-media.js';
import { box, mp4, png } from '../support/media-files.js';

/**
 * How uploaded audio and video are recognised: MPEG audio frame headers, the tags that may wrap an
 * MP3, and the boxes of an MP4, each built here byte by byte from the formats' specifications.
 */

const bytes = (...parts: (string | number[] | Buffer)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const u32 = (...n: number[]) => Buffer.concat(n.map((v) => Buffer.from([v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff])));
const u32le = (n: number) => Buffer.from([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24]);

/** A file read by range, as the verifier reads S3. */
function source(file: Buffer): ByteSource {
  return {
    size: file.length,
    read: async (offset: number, length: number) => new Uint8Array(file.subarray(offset, Math.min(file.length, offset + length))),
  };
}

/**
 * A file of `size` bytes that is `head` followed by zeros, read without holding it: a large
 * upload whose box headers are all the verifier reads.
 */
function sparse(head: Buffer, size: number): ByteSource {
  return {
    size,
    read: async (offset: number, length: number) => {
      const out = new Uint8Array(Math.max(0, Math.min(size, offset + length) - offset));
      out.set(head.subarray(offset, offset + out.length));
      return out;
    },
  };
}

const examine = (file: Buffer) => examineMedia(source(file));

/** An MPEG audio frame: its four header bytes, then silence to `length` bytes. */
const frame = (header: number[], length: number) => Buffer.concat([Buffer.from(header), Buffer.alloc(length - 4)]);
/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 417 bytes of 1152 samples. */
const L3 = [0xff, 0xfb, 0x90, 0x00];
/** MPEG-1 Layer III, 32 kbit/s, 48 kHz: 96 bytes. */
const L3_SMALL = [0xff, 0xfb, 0x14, 0x00];
/** An ID3v2 tag header of this version announcing `size` bytes (synchsafe). */
const id3 = (version: number, size: number, flags = 0) =>
  bytes('ID3', [version, 0, flags, (size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);

describe('MPEG audio frame headers', () => {
  it('reads each version and layer with its frame length, samples and sample rate', () => {
    const at = (header: number[]) => mpegFrame(new Uint8Array(header), 0);
    // MPEG-1 Layer III 128 kbit/s 44.1 kHz: 144 × 128000 / 44100 = 417.9 → 417, 418 with padding.
    expect(at([0xff, 0xfb, 0x90, 0x00])).toMatchObject({ length: 417, samples: 1152, sampleRate: 44100 });
    expect(at([0xff, 0xfb, 0x92, 0x00])).toMatchObject({ length: 418, samples: 1152, sampleRate: 44100 });
    // MPEG-1 Layer III 32 kbit/s at 48 kHz: 144 × 32000 / 48000 = 96.
    expect(at([0xff, 0xfb, 0x14, 0x00])).toMatchObject({ length: 96, samples: 1152, sampleRate: 48000 });
    // MPEG-1 Layer II 160 kbit/s 48 kHz: 144 × 160000 / 48000 = 480.
    expect(at([0xff, 0xfd, 0x94, 0x00])).toMatchObject({ length: 480, samples: 1152, sampleRate: 48000 });
    // MPEG-1 Layer I 384 kbit/s 44.1 kHz: (⌊12 × 384000 / 44100⌋ + padding) × 4 = 416, 420 padded.
    expect(at([0xff, 0xff, 0xc0, 0x00])).toMatchObject({ length: 416, samples: 384, sampleRate: 44100 });
    expect(at([0xff, 0xff, 0xc2, 0x00])).toMatchObject({ length: 420, samples: 384, sampleRate: 44100 });
    // MPEG-2 Layer III 64 kbit/s 22.05 kHz: 72 × 64000 / 22050 = 208.98 → 208, 576 samples.
    expect(at([0xff, 0xf3, 0x80, 0x00])).toMatchObject({ length: 208, samples: 576, sampleRate: 22050 });
    // MPEG-2 Layer II keeps 1152 samples: 144 × 64000 / 24000 = 384.
    expect(at([0xff, 0xf5, 0x84, 0x00])).toMatchObject({ length: 384, samples: 1152, sampleRate: 24000 });
    // MPEG-2.5 Layer III 64 kbit/s 11.025 kHz: 72 × 64000 / 11025 = 417.9 → 417.
    expect(at([0xff, 0xe3, 0x80, 0x00])).toMatchObject({ length: 417, samples: 576, sampleRate: 11025 });
    // At an offset into a buffer: Layer III 128 kbit/s 48 kHz, 144 × 128000 / 48000 = 384, padded.
    expect(mpegFrame(new Uint8Array([0, 0, 0xff, 0xfb, 0x96, 0x00]), 2)).toMatchObject({ length: 385, sampleRate: 48000 });
  });

  it('refuses reserved values, a missing sync and a header cut short', () => {
    const at = (header: number[], offset = 0) => mpegFrame(new Uint8Array(header), offset);
    expect(at([0xff, 0xeb, 0x90, 0x00])).toBeUndefined(); // reserved version
    expect(at([0xff, 0xf9, 0x90, 0x00])).toBeUndefined(); // reserved layer
    expect(at([0xff, 0xfb, 0x00, 0x00])).toBeUndefined(); // free-format bit rate
    expect(at([0xff, 0xfb, 0xf0, 0x00])).toBeUndefined(); // bad bit rate
    expect(at([0xff, 0xfb, 0x9c, 0x00])).toBeUndefined(); // reserved sample rate
    expect(at([0xfe, 0xfb, 0x90, 0x00])).toBeUndefined(); // first sync byte
    expect(at([0xff, 0xdb, 0x90, 0x00])).toBeUndefined(); // last sync bits
    expect(at([0xff, 0xfb, 0x90])).toBeUndefined(); // three bytes
    expect(at([0, 0, 0xff, 0xfb, 0x90], 2)).toBeUndefined(); // three bytes left after the offset
    expect(at([0xff, 0xfb, 0x90, 0x00, 0x00], 1)).toBeUndefined();
  });
});

describe('MP3 files', () => {
  it('take bare frames, or frames after an ID3v2.2, v2.3 or v2.4 tag, with the frames’ duration', async () => {
    const frames = Buffer.concat(Array.from({ length: 4 }, () => frame(L3, 417)));
    expect(await examine(frames)).toEqual({ mime: 'audio/mpeg', durationSeconds: (4 * 1152) / 44100 });
    for (const version of [2, 3, 4]) {
      expect(await examine(bytes(id3(version, 5), 'hello', frames))).toEqual({ mime: 'audio/mpeg', durationSeconds: (4 * 1152) / 44100 });
    }
    // A tag of 0x81 bytes, its size spread over two synchsafe bytes; and a tag with a footer (flag 0x10, 10 more bytes).
    expect(await examine(bytes(id3(3, 0x81), Buffer.alloc(0x81), frames))).toMatchObject({ durationSeconds: (4 * 1152) / 44100 });
    expect(await examine(bytes(id3(4, 6, 0x10), Buffer.alloc(16), frames))).toMatchObject({ durationSeconds: (4 * 1152) / 44100 });
    // A tag of 2^21 + 2^14 + 2^7 + 1 bytes, one bit in each size byte.
    const big = 2 ** 21 + 2 ** 14 + 2 ** 7 + 1;
    expect(await examine(bytes(id3(4, big), Buffer.alloc(big), frames))).toMatchObject({ durationSeconds: (4 * 1152) / 44100 });
  });

  it('refuse an ID3 tag header of another version, with a size that is not synchsafe, or cut short', async () => {
    const frames = Buffer.concat(Array.from({ length: 2 }, () => frame(L3, 417)));
    const invalid = { mime: 'audio/mpeg', problem: 'the ID3 tag header is invalid' };
    expect(await examine(bytes(id3(1, 0), frames))).toEqual(invalid);
    expect(await examine(bytes(id3(5, 0), frames))).toEqual(invalid);
    for (const i of [6, 7, 8, 9]) {
      const file = bytes(id3(4, 0), frames);
      file[i] = 0x80;
      expect(await examine(file)).toEqual(invalid);
    }
    expect(await examine(bytes('ID3', [4, 0, 0, 0]))).toEqual(invalid);
  });

  it('take an ID3v1 tag closing the file', async () => {
    const tag = bytes('TAG', Buffer.alloc(125, 0x20));
    expect(await examine(bytes(id3(4, 0), frame(L3, 417), frame(L3, 417), tag))).toEqual({
      mime: 'audio/mpeg',
      durationSeconds: (2 * 1152) / 44100,
    });
    // An ID3v2 tag, then only an ID3v1 tag: no audio at all.
    expect(await examine(bytes(id3(4, 0), tag))).toEqual({ mime: 'audio/mpeg', problem: 'there are no MPEG audio frames' });
    // The last 128 bytes start with "TAG" inside the ID3v2 tag: the one 96-byte frame after it is audio.
    const file = bytes(id3(4, 64), Buffer.alloc(32), 'TAG', Buffer.alloc(29), frame(L3_SMALL, 96));
    expect(file.subarray(file.length - 128, file.length - 125).toString('latin1')).toBe('TAG');
    expect(await examine(file)).toEqual({ mime: 'audio/mpeg', durationSeconds: 1152 / 48000 });
  });

  it('take an APEv2 tag closing the file, with or without its header, and before an ID3v1 tag', async () => {
    const items = bytes([5, 0, 0, 0, 0, 0, 0, 0], 'Title\0', 'Hello');
    const apeSize = items.length + 32; // the items and the footer
    const apeBlock = (flags: number) => bytes('APETAGEX', u32le(2000), u32le(apeSize), u32le(1), u32le(flags), Buffer.alloc(8));
    const withHeader = bytes(apeBlock(0xa0000000), items, apeBlock(0x80000000));
    const footerOnly = bytes(items, apeBlock(0));
    const audio = bytes(id3(4, 0), frame(L3, 417), frame(L3, 417), frame(L3, 417));
    const ok = { mime: 'audio/mpeg', durationSeconds: (3 * 1152) / 44100 };
    expect(await examine(bytes(audio, withHeader))).toEqual(ok);
    expect(await examine(bytes(audio, footerOnly))).toEqual(ok);
    expect(await examine(bytes(audio, withHeader, 'TAG', Buffer.alloc(125)))).toEqual(ok);
    // Only a bare 32-byte APE footer after the ID3v2 tag: no audio.
    expect(await examine(bytes(id3(4, 0), apeBlock(0).subarray(0, 12), u32le(32), apeBlock(0).subarray(16)))).toEqual({
      mime: 'audio/mpeg',
      problem: 'there are no MPEG audio frames',
    });
  });

  it('refuse frames of another format than the first, and a file with no frames', async () => {
    // MPEG-1 Layer III at 44.1 kHz, then MPEG-1 Layer II at 44.1 kHz.
    const mixed = bytes(id3(4, 0), frame(L3, 417), frame([0xff, 0xfd, 0x90, 0x00], 417));
    expect(await examine(mixed)).toEqual({ mime: 'audio/mpeg', problem: 'the frame at byte 427 is of another format than the first' });
    // Same layer, other sample rate (48 kHz).
    const rates = bytes(frame(L3, 417), frame(L3_SMALL, 96));
    expect(await examine(rates)).toEqual({ mime: 'audio/mpeg', problem: 'the frame at byte 417 is of another format than the first' });
    expect(await examine(id3(4, 0))).toEqual({ mime: 'audio/mpeg', problem: 'there are no MPEG audio frames' });
    // A tag claiming more bytes than the file has.
    expect(await examine(bytes(id3(4, 500), frame(L3, 417)))).toEqual({ mime: 'audio/mpeg', problem: 'there are no MPEG audio frames' });
  });
});

/** An MP4 from its parts: ftyp, then `rest` (moov, mdat, …). */
const ftyp = box('ftyp', Buffer.from('isom'), u32(0x200), Buffer.from('isommp41'));
const mvhd = (timescale: number, duration: number) => box('mvhd', u32(0, 0, 0, timescale, duration, 0x00010000), Buffer.alloc(76));
const hdlr = (handler: string) => box('hdlr', u32(0, 0), Buffer.from(handler), u32(0, 0, 0), Buffer.from('Newsroom\0'));
const trak = (handler: string) => box('trak', box('mdia', hdlr(handler)));
const mdat = box('mdat', Buffer.alloc(16, 0x11));
const movie = (...children: Buffer[]) => examine(bytes(ftyp, box('moov', ...children), mdat));

describe('MP4 boxes', () => {
  it('read the duration from a version 1 movie header, 64 bits wide', async () => {
    const v1 = box('mvhd', u32(0x01000000, 0, 0, 0, 0, 1000, 1, 5000), Buffer.alloc(80));
    expect(await movie(v1, trak('vide'))).toEqual({ mime: 'video/mp4', durationSeconds: (2 ** 32 + 5000) / 1000 });
  });

  it('read a fragmented movie’s duration from its fragment header, version 0 or 1', async () => {
    const mehd0 = box('mehd', u32(0, 3000));
    expect(await movie(mvhd(1000, 0), trak('soun'), box('mvex', mehd0))).toEqual({ mime: 'audio/mp4', durationSeconds: 3 });
    const mehd1 = box('mehd', u32(0x01000000, 1, 2000));
    expect(await movie(mvhd(1000, 0), trak('soun'), box('mvex', mehd1))).toEqual({
      mime: 'audio/mp4',
      durationSeconds: (2 ** 32 + 2000) / 1000,
    });
    // The movie header's own duration wins when it has one.
    expect(await movie(mvhd(1000, 4000), trak('soun'), box('mvex', mehd0))).toEqual({ mime: 'audio/mp4', durationSeconds: 4 });
  });

  it('refuse headers cut short, and take them at exactly their size', async () => {
    const short = (problem: string) => ({ mime: 'video/mp4', problem });
    // Movie header version 0: 20 bytes needed (version, times, timescale, duration).
    expect(await movie(box('mvhd', u32(0, 0, 0, 1000, 2000)), trak('vide'))).toEqual({ mime: 'video/mp4', durationSeconds: 2 });
    expect(await movie(box('mvhd', u32(0, 0, 0, 1000), Buffer.alloc(3)), trak('vide'))).toEqual(short('the movie header is cut short'));
    // Version 1: 32 bytes needed.
    expect(await movie(box('mvhd', u32(0x01000000, 0, 0, 0, 0, 1000, 0), Buffer.alloc(3)), trak('vide'))).toEqual(
      short('the movie header is cut short'),
    );
    // Fragment header: 8 bytes in version 0, 12 in version 1.
    expect(await movie(mvhd(1000, 0), trak('vide'), box('mvex', box('mehd', u32(0, 1000))))).toEqual({
      mime: 'video/mp4',
      durationSeconds: 1,
    });
    expect(await movie(mvhd(1000, 0), trak('vide'), box('mvex', box('mehd', u32(0), Buffer.alloc(3))))).toEqual(
      short('the fragment header is cut short'),
    );
    expect(await movie(mvhd(1000, 0), trak('vide'), box('mvex', box('mehd', u32(0x01000000, 0, 1000))))).toEqual({
      mime: 'video/mp4',
      durationSeconds: 1,
    });
    expect(await movie(mvhd(1000, 0), trak('vide'), box('mvex', box('mehd', u32(0x01000000, 1000))))).toEqual(
      short('the fragment header is cut short'),
    );
    // Handler: 12 bytes up to and including the handler type.
    expect(await movie(mvhd(1000, 1000), box('trak', box('hdlr', u32(0, 0), Buffer.from('vide'))))).toEqual({
      mime: 'video/mp4',
      durationSeconds: 1,
    });
    expect(await movie(mvhd(1000, 1000), box('trak', box('hdlr', u32(0, 0), Buffer.from('vid'))))).toEqual(
      short('a handler box is cut short'),
    );
  });

  it('take boxes the verifier does not read, and refuse a movie without header or timescale', async () => {
    expect(await movie(mvhd(1000, 1000), box('udta'), trak('soun'), box('free', Buffer.from('x')))).toEqual({
      mime: 'audio/mp4',
      durationSeconds: 1,
    });
    expect(await movie(trak('vide'))).toEqual({ mime: 'video/mp4', problem: 'the movie header is missing or has no timescale' });
    expect(await movie(mvhd(0, 1000), trak('vide'))).toEqual({
      mime: 'video/mp4',
      problem: 'the movie header is missing or has no timescale',
    });
    expect(await movie(mvhd(1000, 1000), trak('text'))).toEqual({ mime: 'video/mp4', problem: 'there is no audio or video track' });
  });

  it('refuse a second movie box and a file without media data', async () => {
    const moov = box('moov', mvhd(1000, 1000), trak('vide'));
    expect(await examine(bytes(ftyp, moov, moov, mdat))).toEqual({ mime: 'video/mp4', problem: 'there are two moov boxes' });
    expect(await examine(bytes(ftyp, moov))).toEqual({ mime: 'video/mp4', problem: 'there is no mdat box' });
    expect(await examine(bytes(ftyp, moov, box('free'), mdat))).toEqual({ mime: 'video/mp4', durationSeconds: 1 });
  });

  it('refuse boxes that run past their container or the file, naming where', async () => {
    const file = mp4({ handler: 'vide', seconds: 2 });
    // Four stray bytes after the last box.
    expect(await examine(bytes(file, [0, 0, 0, 0]))).toEqual({
      mime: 'video/mp4',
      problem: `a box at byte ${file.length} runs past its container`,
    });
    // Media data claiming more than the file holds.
    const cut = bytes(ftyp, box('moov', mvhd(1000, 1000), trak('vide')), u32(1000), 'mdat', Buffer.alloc(8));
    expect(await examine(cut)).toEqual({ mime: 'video/mp4', problem: `the mdat box at byte ${cut.length - 16} runs past its container` });
    // A box smaller than its own header.
    const tiny = bytes(ftyp, u32(4), 'free', mdat);
    expect(await examine(tiny)).toEqual({ mime: 'video/mp4', problem: `the free box at byte ${ftyp.length} runs past its container` });
    // Inside the movie: positions are the file's, not the movie box's.
    const moovAt = ftyp.length;
    const header = mvhd(1000, 1000);
    const stray = bytes(ftyp, box('moov', header, trak('vide'), Buffer.from([0, 0, 0])), mdat);
    expect(await examine(stray)).toEqual({
      mime: 'video/mp4',
      problem: `a box at byte ${moovAt + 8 + header.length + trak('vide').length} runs past its container`,
    });
    const overrun = bytes(ftyp, box('moov', header, u32(64), Buffer.from('trak'), Buffer.alloc(8)), mdat);
    expect(await examine(overrun)).toEqual({
      mime: 'video/mp4',
      problem: `the trak box at byte ${moovAt + 8 + header.length} runs past its container`,
    });
    const binary = bytes(ftyp, box('moov', header, u32(8), Buffer.from([0, 1, 0x61, 0x62])), mdat);
    expect(await examine(binary)).toEqual({
      mime: 'video/mp4',
      problem: `"??ab" at byte ${moovAt + 8 + header.length + 4} is not an MP4 box`,
    });
  });

  it('read 64-bit box sizes and a last box running to the end of the file', async () => {
    const moov = box('moov', mvhd(1000, 1000), trak('vide'));
    // mdat with a 64-bit size of exactly its 16-byte header.
    expect(await examine(bytes(ftyp, moov, u32(1), 'mdat', u32(0, 16)))).toEqual({ mime: 'video/mp4', durationSeconds: 1 });
    expect(await examine(bytes(ftyp, moov, u32(1), 'mdat', u32(0, 24), Buffer.alloc(8)))).toEqual({
      mime: 'video/mp4',
      durationSeconds: 1,
    });
    // Its 64-bit size cut short.
    const cut = bytes(ftyp, moov, u32(1), 'mdat', u32(0));
    expect(await examine(cut)).toEqual({
      mime: 'video/mp4',
      problem: `a box at byte ${ftyp.length + moov.length} runs past its container`,
    });
    // Size 0: to the end of the file.
    expect(await examine(bytes(ftyp, moov, u32(0), 'mdat', Buffer.alloc(100)))).toEqual({ mime: 'video/mp4', durationSeconds: 1 });
    // Inside the movie: a last box of size 0 runs to the movie's end; a 64-bit size cut short is refused where it starts.
    const header = mvhd(1000, 1000);
    const open = bytes(ftyp, box('moov', header, trak('vide'), u32(0), Buffer.from('free'), Buffer.alloc(20)), mdat);
    expect(await examine(open)).toEqual({ mime: 'video/mp4', durationSeconds: 1 });
    const shortLarge = bytes(ftyp, box('moov', header, trak('vide'), u32(1), Buffer.from('free'), u32(0)), mdat);
    expect(await examine(shortLarge)).toEqual({
      mime: 'video/mp4',
      problem: `a box at byte ${ftyp.length + 8 + header.length + trak('vide').length} runs past its container`,
    });
    // A film over 4 GiB: the media data's size needs its upper 32 bits.
    const head = bytes(ftyp, moov, u32(1), 'mdat', u32(1, 16 + 100));
    const size = head.length - 16 + 2 ** 32 + 16 + 100;
    expect(await examineMedia(sparse(head, size))).toEqual({ mime: 'video/mp4', durationSeconds: 1 });
    expect(await examineMedia(sparse(head, size + 4))).toMatchObject({ problem: `a box at byte ${size} runs past its container` });
  });

  it('read a movie box of up to 64 MiB, and refuse a larger one unread', async () => {
    const limit = 64 * 1024 * 1024;
    const children = bytes(mvhd(1000, 1000), trak('vide'));
    // A moov box of exactly 64 MiB, padded with a free box; mdat follows it.
    const head = bytes(ftyp, u32(limit), 'moov', children, u32(limit - 8 - children.length), 'free');
    const file = Buffer.alloc(ftyp.length + limit + mdat.length);
    head.copy(file);
    mdat.copy(file, ftyp.length + limit);
    expect(await examine(file)).toEqual({ mime: 'video/mp4', durationSeconds: 1 });
    let read = 0;
    const big = sparse(bytes(ftyp, u32(limit + 1), 'moov'), ftyp.length + limit + 1 + 16);
    const counting: ByteSource = {
      size: big.size,
      read: async (offset, length) => {
        const part = await big.read(offset, length);
        read += part.length;
        return part;
      },
    };
    expect(await examineMedia(counting)).toEqual({ mime: 'video/mp4', problem: 'the moov box is too large' });
    expect(read).toBeLessThan(100);
  });
});

describe('what a file’s first bytes claim', () => {
  const claim = (...parts: (string | number[] | Buffer)[]) => claimedType(new Uint8Array(bytes(...parts)));

  it('names each type from its shortest possible head', () => {
    expect(claim([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])).toBe('image/png');
    expect(claim([0xff, 0xd8, 0xff])).toBe('image/jpeg');
    expect(claim('GIF89a')).toBe('image/gif');
    expect(claim('GIF87a')).toBe('image/gif');
    expect(claim('RIFF', [0, 0, 0, 0], 'WEBP')).toBe('image/webp');
    expect(claim([0, 0, 0, 8], 'ftyp')).toBe('video/mp4');
    expect(claim('ID3')).toBe('audio/mpeg');
    expect(claim([0xff, 0xfb, 0x90, 0x00])).toBe('audio/mpeg');
    expect(claim(png(1, 1).subarray(0, 16))).toBe('image/png');
  });

  it('names nothing for near misses, text and short heads', () => {
    for (const head of [
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b], // PNG signature, last byte wrong
      [0x89, 0x51, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a], // seven bytes of it
      [0xff, 0xd8, 0x00],
      [0xff, 0x00, 0xff],
      [0x00, 0xd8, 0xff],
      [0x00, 0x00, 0xff],
      [0xff, 0xd8],
      [0xff, 0xfb, 0x90], // an MPEG frame header needs four bytes
      [0xff, 0xfb, 0x90, 0x00].slice(0, 2),
    ]) {
      expect(claim(head)).toBeUndefined();
    }
    expect(claim('GIF89')).toBeUndefined();
    expect(claim('GIF86a')).toBeUndefined();
    expect(claim('RIFF', [0, 0, 0, 0], 'WAVE')).toBeUndefined();
    expect(claim('RIFX', [0, 0, 0, 0], 'WEBP')).toBeUndefined();
    expect(claim('XXXX', [0, 0, 0, 0], 'WEBP')).toBeUndefined();
    expect(claim('RIFF', [0, 0, 0, 0], 'WEB')).toBeUndefined();
    expect(claim([0, 0, 0, 8], 'ftyq')).toBeUndefined();
    expect(claim([0, 0, 0, 8], 'fty')).toBeUndefined();
    expect(claim('ID')).toBeUndefined();
    expect(claim('ID4')).toBeUndefined();
    expect(claim('this is not a file')).toBeUndefined();
    expect(claim([])).toBeUndefined();
  });
});

describe('examining a file', () => {
  it('reports an image that ends while it is read, and lets read errors through', async () => {
    const file = png(2, 2);
    const shrunk: ByteSource = {
      size: file.length + 10,
      read: async (offset, length) => new Uint8Array(file.subarray(offset, offset + length)),
    };
    expect(await examineMedia(shrunk)).toEqual({ mime: 'image/png', problem: 'the file ended while it was read' });
    const failing: ByteSource = {
      size: 2000,
      read: async (offset) => {
        if (offset > 0) throw new Error('the connection was reset');
        return new Uint8Array(bytes(id3(4, 0), frame(L3, 417)).subarray(0, 16));
      },
    };
    await expect(examineMedia(failing)).rejects.toThrow('the connection was reset');
  });
});
