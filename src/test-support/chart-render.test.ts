/**
 * The charts drawn in Node for the report's browser test (chart-render.ts): marks are counted as
 * the browser test's selector counts them, and what vega or vega-lite warns about, any error and
 * every file or URL a chart asks for are reported, so a chart that would fail or fetch in the
 * browser fails there too.
 */
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { countMarks, drawChart, pageCharts, unparsableAttributes } from './chart-render.ts';

const bars = (values: unknown[]): TopLevelSpec => ({
  data: { values },
  mark: 'bar',
  encoding: {
    x: { field: 'name', type: 'nominal' },
    y: { field: 'count', type: 'quantitative' },
  },
});

describe('drawChart', () => {
  it('draws a bar chart: one path per bar among its marks, its size, nothing to report', async () => {
    const chart = await drawChart(
      bars([
        { name: 'a', count: 1 },
        { name: 'b', count: 2 },
        { name: 'c', count: 3 },
      ]),
    );
    expect(chart.problems).toEqual([]);
    expect(chart.loads).toEqual([]);
    // three bars, plus the axes' ticks, grid lines, labels and titles
    expect(chart.marks).toBeGreaterThan(3);
    expect(chart.width).toBeGreaterThan(0);
    expect(chart.height).toBeGreaterThan(0);
    const twice = await drawChart(
      bars([
        { name: 'a', count: 1 },
        { name: 'b', count: 2 },
        { name: 'c', count: 3 },
        { name: 'd', count: 4 },
      ]),
    );
    expect(twice.marks).toBeGreaterThan(chart.marks);
  });

  it('reports what vega-lite warns about', async () => {
    const spec = bars([{ name: 'a', count: 1 }]) as { encoding: Record<string, unknown> };
    spec.encoding.shape = { field: 'name', type: 'nominal' };
    const chart = await drawChart(spec as TopLevelSpec);
    expect(chart.problems.join('\n')).toMatch(/warning: .*shape/);
  });

  it('reports an expression vega cannot run', async () => {
    const chart = await drawChart({
      ...bars([{ name: 'a', count: 1 }]),
      transform: [{ calculate: 'nosuchfunction(datum.count)', as: 'x' }],
    } as TopLevelSpec);
    expect(chart.problems.length).toBeGreaterThan(0);
  });

  it('refuses and records every file or URL a chart asks for', async () => {
    const data = await drawChart({ ...bars([]), data: { url: 'https://example.com/data.json' } });
    expect(data.loads).toEqual(['https://example.com/data.json']);
    const image = await drawChart({
      data: { values: [{ x: 1, img: 'https://example.com/a.png' }] },
      mark: { type: 'image', width: 10, height: 10 },
      encoding: { x: { field: 'x', type: 'quantitative' }, url: { field: 'img' } },
    });
    expect(image.loads).toContain('https://example.com/a.png');
  });
});

describe('countMarks', () => {
  it('counts the path, line and text children of a mark group, nothing else', () => {
    const svg =
      '<svg width="10" height="10"><g class="mark-rect role-mark"><path d="M0"/><path d="M1"/></g>' +
      '<g class="mark-text role-axis-label"><text x="1">a &lt; b</text><g><path/></g></g>' +
      '<g class="mark-group role-scope"><g><line/></g><rect/></g><path/></svg>';
    expect(countMarks(svg)).toBe(3);
  });
});

describe('unparsableAttributes', () => {
  it('finds the attributes Chromium cannot parse (NaN, Infinity, undefined), not text', () => {
    const svg =
      '<svg width="10" height="10"><g class="mark-line"><path d="M0,0L1,1"/><path d="M0,NaNL1,1"/>' +
      '<text x="1" transform="translate(Infinity,0)">NaN</text><line x1="undefined"/></g></svg>';
    expect(unparsableAttributes(svg)).toEqual([
      'error: <path> attribute d: M0,NaNL1,1',
      'error: <text> attribute transform: translate(Infinity,0)',
      'error: <line> attribute x1: undefined',
    ]);
    expect(
      unparsableAttributes('<svg width="1" height="1" aria-label="NaN"><text>NaN</text></svg>'),
    ).toEqual([]);
  });
});

describe('pageCharts', () => {
  it("reads the charts of a page's #msasim-charts script", () => {
    const page =
      '<body><div class="vega" id="chart-1"></div>' +
      '<script type="application/json" id="msasim-charts">[{"id":"chart-1","spec":{"mark":"bar"}}]</script></body>';
    expect(pageCharts(page)).toEqual([{ id: 'chart-1', spec: { mark: 'bar' } }]);
    expect(() => pageCharts('<body></body>')).toThrow(/msasim-charts/);
  });
});
