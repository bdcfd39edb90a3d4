import { describe, expect, it } from '@jest/globals';
import { sniffMedia } from '../../lambdas/usecases/sniff-media.js';
import { jpeg, png } from '../support/media-files.js';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('recognising media by its bytes', () => {
  it('reads images and their dimensions', () => {
    expect(sniffMedia(png(640, 480))).toEqual({ mime: 'image/png', width: 640, height: 480 });
    expect(sniffMedia(jpeg(33, 17))).toEqual({ mime: 'image/jpeg', width: 33, height: 17 });
    const gif = bytes('GIF89a', [0x20, 0x00, 0x10, 0x00], [0, 0, 0]);
    expect(sniffMedia(gif)).toEqual({ mime: 'image/gif', width: 32, height: 16 });
    const webp = bytes(
      'RIFF',
      [0x24, 0, 0, 0],
      'WEBPVP8 ',
      [0x18, 0, 0, 0, 0x30, 0x01, 0, 0x9d, 0x01, 0x2a, 0x40, 0x00, 0x20, 0x00],
      Array(16).fill(0),
    );
    expect(sniffMedia(webp)).toEqual({ mime: 'image/webp', width: 64, height: 32 });
  });

  it('tells M4A audio from MP4 video by the ftyp brand, and knows MP3', () => {
    expect(sniffMedia(bytes([0, 0, 0, 0x20], 'ftypM4A ', [0, 0, 0, 0]))?.mime).toBe('audio/x-m4a');
    expect(sniffMedia(bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0]))?.mime).toBe('video/mp4');
    expect(sniffMedia(bytes('ID3', [4, 0, 0, 0, 0, 0, 0]))?.mime).toBe('audio/mpeg');
    expect(sniffMedia(bytes([0xff, 0xfb, 0x90, 0x64]))?.mime).toBe('audio/mpeg');
  });

  it('recognises nothing in text, in a broken PNG, or in nothing at all', () => {
    expect(sniffMedia(bytes('this is not a picture'))).toBeUndefined();
    expect(sniffMedia(png(2, 2).subarray(0, 12))).toBeUndefined();
    expect(sniffMedia(new Uint8Array())).toBeUndefined();
    expect(sniffMedia(bytes([0xff, 0xff, 0xff, 0xff]))).toBeUndefined();
  });
});
