/**
 * Strict UTF-8 decoding of the text files a user writes (scenarios, challenges, attempts,
 * lessons). Node's `toString('utf8')` turns every byte that is not UTF-8 into U+FFFD without a
 * word, so a scenario saved as CP949/EUC-KR (Korean Windows editors) or Latin-1 would run with
 * garbled names and descriptions, or fail with a message about "�". Here such a file is refused
 * instead, at the line and column of its first bad byte, with the byte in hex.
 */

/** Where a byte sequence stops being UTF-8. */
export interface NotUtf8 {
  /** Offset of the first byte that is not part of a well-formed UTF-8 character. */
  offset: number;
  /** That byte. */
  byte: number;
  /** 1-based line of the byte (lines end at \n). */
  line: number;
  /** 1-based column: characters before it on its line, + 1. */
  col: number;
}

/**
 * The offset of the first byte of `bytes` that does not belong to a well-formed UTF-8 sequence
 * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all are.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // the length of the sequence and the range of its second byte (Unicode table 3-7)
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + 1 >= n || bytes[i + 1] < lo || bytes[i + 1] > hi) return i;
    for (let k = 2; k < len; k++)
      if (i + k >= n || bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += len;
  }
  return -1;
}

/** Where `bytes` stops being UTF-8 (line and column of the bad byte), or undefined when it is UTF-8. */
export function notUtf8(bytes: Uint8Array): NotUtf8 | undefined {
  const offset = firstInvalidUtf8(bytes);
  if (offset < 0) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++)
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  // the bytes before it on its line are valid UTF-8: count their characters
  const col = [...new TextDecoder().decode(bytes.subarray(lineStart, offset))].length + 1;
  return { offset, byte: bytes[offset], line, col };
}

/** "0xB0". */
export function hexByte(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}
