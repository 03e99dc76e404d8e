/** Tests of text-table.ts with double-width characters: Hangul names line up in the console. */
import { describe, expect, it } from 'vitest';
import { displayWidth, formatTable, padEndTo, padStartTo, wrapWords } from './text-table.ts';

describe('displayWidth', () => {
  it('counts a Hangul syllable as two columns and ASCII as one', () => {
    expect(displayWidth('주문')).toBe(4);
    expect(displayWidth('orders')).toBe(6);
    expect(displayWidth('주문-v2')).toBe(7);
  });

  it('counts the rules and dots of the tables as one column (ambiguous width is narrow)', () => {
    expect(displayWidth('─·–✓')).toBe(4);
  });

  it('pads to display columns', () => {
    expect(padEndTo('주문', 6)).toBe('주문  ');
    expect(padStartTo('결제', 5)).toBe(' 결제');
    expect(padEndTo('주문서비스', 4)).toBe('주문서비스');
  });
});

describe('formatTable with Hangul', () => {
  it('lines up every column by display width', () => {
    const table = formatTable(
      ['service', 'p99 ms'],
      [
        ['주문', '12.0'],
        ['결제서비스', '3.5'],
        ['orders', '100.25'],
      ],
    );
    const lines = table.split('\n');
    // the right edge of the last column is at the same column on every line
    const widths = lines.map(displayWidth);
    expect(new Set(widths).size).toBe(1);
    expect(lines[2]).toBe('주문          12.0');
    expect(lines[3]).toBe('결제서비스     3.5');
  });
});

describe('wrapWords with Hangul', () => {
  it('wraps by display width', () => {
    const text = wrapWords('주문 결제 배송 재고', '', '', 10);
    expect(text.split('\n').every((l) => displayWidth(l) <= 10)).toBe(true);
    expect(text).toBe('주문 결제\n배송 재고');
  });
});
