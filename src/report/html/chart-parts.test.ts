/**
 * The shared bar pieces of chart-parts.ts: grouped bars and the labels at their ends (the
 * charts that use them are checked in their features' tests; this pins the pieces' own rules).
 */
import { describe, expect, it } from 'vitest';
import { barLabels, groupedBarLayers } from './chart-parts.ts';

const y = { field: 'measure', type: 'nominal' };
const yOffset = { field: 'row', type: 'nominal' };
const x = { field: 'value', type: 'quantitative' };
const grouped = {
  y,
  yOffset,
  x,
  color: { field: 'variant' },
  tooltip: [{ field: 'value' }],
  field: 'value',
  format: ',.1f',
};

describe('groupedBarLayers', () => {
  it('draws the bars, then labels each bar above 0 with its field in the format', () => {
    const [bars, labels] = groupedBarLayers(grouped) as Record<string, unknown>[];
    expect(bars).toEqual({
      mark: { type: 'bar', tooltip: true },
      encoding: { y, yOffset, x, color: { field: 'variant' }, tooltip: [{ field: 'value' }] },
    });
    expect(labels.transform).toEqual([{ filter: 'datum.value > 0' }]);
    expect(labels.encoding).toEqual({
      y,
      yOffset,
      x,
      text: { field: 'value', type: 'quantitative', format: ',.1f' },
    });
  });

  it('leaves out the label layer when told the bars are all 0', () => {
    expect(groupedBarLayers(grouped, false)).toHaveLength(1);
  });
});

describe('barLabels', () => {
  it('labels every row without a filter, and has no yOffset when the bars have none', () => {
    const labels = barLabels({ y, x }, 'n', ',.0f');
    expect(Object.keys(labels)).toEqual(['mark', 'encoding']);
    expect(Object.keys(labels.encoding)).toEqual(['y', 'x', 'text']);
    // written just right of the bar's end, in the page's dark grey, the value in `format`
    expect(labels.mark).toEqual({
      type: 'text',
      align: 'left',
      dx: 4,
      fontSize: 12,
      color: '#374151',
    });
    expect(labels.encoding.text).toEqual({ field: 'n', type: 'quantitative', format: ',.0f' });
  });

  it('keeps the rows its filter keeps, the key order of the specs (transform first)', () => {
    const labels = barLabels({ y, yOffset, x }, 'ms', ',.0f', 'datum.ms > 1');
    expect(Object.keys(labels)).toEqual(['transform', 'mark', 'encoding']);
    expect(Object.keys(labels.encoding)).toEqual(['y', 'yOffset', 'x', 'text']);
    expect(labels.transform).toEqual([{ filter: 'datum.ms > 1' }]);
  });
});
