/**
 * The sections of sweep.html: what was swept, the charts grouped by section, the table;
 * scenario text escaped; laid out by buildChartsPage with every spec inlined and nothing
 * fetched.
 */
import { describe, expect, it } from 'vitest';
import { estimate } from '../stats/index.ts';
import { chartTitles, visibleText } from '../test-support/page-text.ts';
import type { MetricEstimate } from './estimates.ts';
import { buildChartsPage } from './html/page.ts';
import type { SweepData } from './sweep.ts';
import { sweepPage, sweepPageHeader, sweepPageSections, sweepPageTitle } from './sweep-page.ts';

const est = (scope: 'overall' | 'component', id: string, metric: string, x: number) =>
  ({
    key: `${scope}|${id}|${metric}`,
    scope,
    id,
    metric,
    label: metric,
    unit: 'ms',
    lowerIsBetter: true,
    values: [x],
    estimate: estimate([x]),
  }) as MetricEstimate;

const data: SweepData = {
  format: 1,
  scenario: { name: 'shop', description: 'a <b>bold</b> shop', file: 'shop.yaml' },
  params: [{ path: 'services.orders.instances', values: [1, 2] }],
  replications: 1,
  seeds: [1],
  points: [1, 2].flatMap((n, index) =>
    ['a', 'b'].map((variant) => ({
      index,
      values: { 'services.orders.instances': n },
      variant,
      estimates: [
        est('overall', '', 'p50Ms', n),
        est('overall', '', 'p99Ms', 3 * n),
        est('overall', '', 'throughputPerSec', 100),
        est('overall', '', 'errorRate', 0),
        est('component', 'orders-db', 'utilisation', 0.5 / n),
      ],
    })),
  ),
};

describe('sweep.html', () => {
  it('has a section for the grid, latency, throughput, the busiest components and the table', () => {
    const sections = sweepPageSections(data);
    expect(sections.map((s) => [s.id, s.charts?.length ?? 0])).toEqual([
      ['grid', 0],
      ['latency', 2],
      ['throughput', 2],
      ['utilisation', 1],
      ['table', 0],
    ]);
    expect(String(sections[0].html)).toContain('<code>services.orders.instances</code>: 1, 2');
    expect(String(sections[4].html)).toMatch(
      /^<pre class="table">services.orders.instances {2}variant/,
    );
  });

  it('escapes the scenario text and says how big the sweep is', () => {
    expect(sweepPageTitle(data)).toBe('shop: sweep of services.orders.instances');
    expect(String(sweepPageHeader(data))).toBe(
      '<p>a &lt;b&gt;bold&lt;/b&gt; shop</p>\n<p class="facts">2 points · 2 variants · 1 replication (seeds <code>1</code>) · shop.yaml</p>',
    );
  });

  it('says its own words in Korean with --lang ko (the console table stays as printed)', () => {
    expect(sweepPageTitle(data, 'ko')).toBe('shop: services.orders.instances 스윕');
    expect(String(sweepPageHeader(data, 'ko'))).toBe(
      '<p>a &lt;b&gt;bold&lt;/b&gt; shop</p>\n<p class="facts">점 2개 · 변형 2개 · 반복 실행 1회 (시드 <code>1</code>) · shop.yaml</p>',
    );
    const assets = { vega: '', vegaLite: '', vegaEmbed: '' };
    const page = sweepPage(data, assets, 'ko');
    expect(page).toContain('<html lang="ko">');
    expect(page).toContain('<h2>스윕한 값</h2>');
    const titles = chartTitles(page);
    expect(titles).toContain('services.orders.instances에 따른 p99 지연 시간');
    expect(titles).toContain('services.orders.instances에 따른 orders-db 사용률');
    expect(titles).toContain('점마다 반복 실행 1회');
    expect(titles).not.toContain('replications');
    expect(page).toContain(
      'services.orders.instances의 각 값에서 p50 지연 시간; 변형마다 색 하나.',
    );
    const words = [visibleText(page).replace(/<pre[\s\S]*?<\/pre>/, ''), ...titles].join('\n');
    const shown = words
      .split('\n')
      .filter((l) => !/services\.orders\.instances {2}variant|^\s*[\d ]+[ab]\s/.test(l));
    for (const english of [
      'sweep of',
      'What was swept',
      'Every point runs',
      ' vs ',
      'one replication',
      'at each value',
      'one colour per',
      'utilisation of',
    ])
      expect(shown.join('\n')).not.toContain(english);
    expect(sweepPage(data, assets)).toContain('<h2>What was swept</h2>');
  });

  it('inlines every spec in a page that fetches nothing', () => {
    const assets = { vega: '/*vega*/', vegaLite: '/*vl*/', vegaEmbed: '/*embed*/' };
    const html = buildChartsPage(sweepPageTitle(data), sweepPageSections(data), assets, {
      header: sweepPageHeader(data),
    });
    const charts = JSON.parse(
      /<script type="application\/json" id="msasim-charts">(.*?)<\/script>/s.exec(html)?.[1] ??
        '[]',
    );
    expect(charts).toHaveLength(5);
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|srcset|href)=["']?(https?:)?\/\//i);
  });
});
