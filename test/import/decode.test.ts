import { describe, expect, it } from 'vitest';

import { LmsFileError, decodeUtf8 } from '../../src/lms/index.js';

const encoder = new TextEncoder();

describe('decodeUtf8', () => {
  it('keeps exact Unicode', () => {
    const text = 'Zoë Ñúñez, 王小明, فاطمة الزهراء, Αλέξανδρος, Дмитрий';

    const decoded = decodeUtf8(encoder.encode(text));

    expect(decoded).toBe(text);
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('email\n')]);

    const decoded = decodeUtf8(bytes);

    expect(decoded).toBe('email\n');
  });

  it('rejects Latin-1 bytes', () => {
    // "Muñoz" in Latin-1: ñ is the single byte 0xF1.
    const bytes = new Uint8Array([...encoder.encode('email\nMu'), 0xf1, ...encoder.encode('oz\n')]);

    const decode = (): string => decodeUtf8(bytes);

    expect(decode).toThrow(LmsFileError);
    expect(decode).toThrow(/not valid UTF-8/);
    expect(decode).toThrow(/byte 0xF1 on line 2/);
    expect(decode).toThrow(/save it as UTF-8 and try again/);
  });

  it('rejects a truncated sequence', () => {
    const bytes = new Uint8Array([0x61, 0xe4, 0xb8]);

    expect(() => decodeUtf8(bytes)).toThrow(/byte 0xE4 on line 1/);
  });

  it.each([
    { encoding: 'UTF-16LE', mark: [0xff, 0xfe], text: 'e\0m\0' },
    { encoding: 'UTF-16BE', mark: [0xfe, 0xff], text: '\0e\0m' },
    { encoding: 'UTF-32LE', mark: [0xff, 0xfe, 0x00, 0x00], text: 'e\0\0\0' },
    { encoding: 'UTF-32BE', mark: [0x00, 0x00, 0xfe, 0xff], text: '\0\0\0e' },
  ])('rejects a $encoding BOM', ({ encoding, mark, text }) => {
    const bytes = new Uint8Array([...mark, ...encoder.encode(text)]);

    const decode = (): string => decodeUtf8(bytes);

    expect(decode).toThrow(LmsFileError);
    expect(decode).toThrow(`file is ${encoding}, not UTF-8`);
    expect(decode).toThrow(/save it as UTF-8 and try again/);
  });
});
