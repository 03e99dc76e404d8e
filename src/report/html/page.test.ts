/**
 * The HTML pages: one self-contained document with the libraries and specs inlined, every
 * scenario string escaped, nothing fetched, sections in the documented order, the comparison's
 * significance marked, and the same bytes for the same data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  HOSTILE,
  sectionIds,
  shippedReportData,
  withHostileStrings,
} from '../../test-support/report-data.ts';
import type { ReportData } from '../report-data.ts';
import { VEGA_LITE_SCHEMA } from './chart-style.ts';
import { latencyCdfChart } from './charts.ts';
import { buildChartsPage, buildReportHtml, type VegaAssets } from './page.ts';
import { html as markup } from './template.ts';

/** Stand-ins for the libraries, with the sequences that must not end a <script> early. */
const assets: VegaAssets = {
  vega: 'window.vega = { s: "</script><!-- x" };',
  vegaLite: 'window.vegaLite = { r: /<\\/SCRIPT >/ };',
  vegaEmbed: 'window.vegaEmbed = function () {};\n//# sourceMappingURL=vega-embed.min.js.map',
};

let variants: ReportData;
let single: ReportData;

beforeAll(async () => {
  variants = await shippedReportData('01-shared-db.yaml', 20_000, 2);
  single = await shippedReportData('shop.yaml', 8_000);
});

/** The chart list inlined in the page. */
function inlinedCharts(html: string): { id: string; spec: { title: { text: string } } }[] {
  const m = /<script type="application\/json" id="msasim-charts">([^<]*)<\/script>/.exec(html);
  if (m === null) throw new Error('no chart list in the page');
  return JSON.parse(m[1]);
}

describe('buildReportHtml', () => {
  it('is one document: three libraries, the chart list and the page script inlined', () => {
    const html = buildReportHtml(variants, assets);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.match(/<script/g)).toHaveLength(5);
    expect(html.match(/<\/script/gi)).toHaveLength(5);
    expect(html).toContain('window.vega = { s: "<\\/script>\\x3C!-- x" };');
    expect(html).not.toContain('sourceMappingURL');
    const charts = inlinedCharts(html);
    const containers = [...html.matchAll(/<div class="vega" id="([^"]+)"/g)].map((m) => m[1]);
    expect(charts.map((c) => c.id)).toEqual(containers);
    expect(charts.map((c) => c.spec.title.text)).toEqual([
      'Key metrics per variant',
      'Latency percentiles per endpoint',
      'Latency distribution (CDF)',
      'Over time: throughput, latency and errors',
      'Load on shared components',
      'Utilisation over time',
    ]);
    expect(charts[2].spec).toEqual(latencyCdfChart(variants));
  });

  it('puts the highlights first, then the comparison, lesson, topology, summary, SLOs and charts', () => {
    // 01-shared-db declares SLOs (no faults, no call policies: those sections are absent)
    expect(sectionIds(buildReportHtml(variants, assets))).toEqual([
      'highlights',
      'comparison',
      'lesson',
      'topology',
      'summary',
      'slos',
      'latency',
      'over-time',
      'load',
    ]);
    expect(sectionIds(buildReportHtml(single, assets))).toEqual([
      'highlights',
      'lesson',
      'topology',
      'summary',
      'latency',
      'over-time',
      'load',
    ]);
  });

  it('shows the header facts: description, file, duration, replications and seeds, variants', () => {
    const html = buildReportHtml(variants, assets);
    expect(html).toContain('<title>shared-db</title>');
    expect(html).toContain('<code>scenarios/01-shared-db.yaml</code>');
    expect(html).toContain('20 s per run; the first 10 s are warm-up');
    expect(html).toContain('2 per variant, seeds <code>1</code>, <code>1/2</code>');
    expect(html).toMatch(/db-per-service<\/span> \(baseline\)/);
    // a run of one variant: no "per variant"
    const one = structuredClone(variants);
    one.variants = one.variants.slice(0, 1);
    one.comparisons = [];
    const single = buildReportHtml(one, assets);
    expect(single).toContain('2, seeds <code>1</code>, <code>1/2</code>');
    expect(single).not.toContain('2 per variant');
    expect(buildReportHtml(one, assets, undefined, 'ko')).toContain(
      '2회, 시드 <code>1</code>, <code>1/2</code>',
    );
  });

  it('marks significant differences better or worse and lists the others as not significant', () => {
    const data = structuredClone(variants);
    const [first, second] = data.comparisons[0].metrics;
    first.difference.significant = true;
    first.better = false;
    second.difference.significant = false;
    const html = buildReportHtml(data, assets);
    expect(html).toContain(
      `<span class="badge worse">✖ worse</span>${first.sentence.replace('shared-db: ', '')}`,
    );
    expect(html).toMatch(
      new RegExp(
        `Not significant \\(the 95 % interval of the difference includes 0\\): [^<]*${second.label}`,
      ),
    );
    expect(html).toContain('<table class="data key-metrics">');
  });

  it('says in the comparison legend what every badge colour means, blue included', () => {
    const data = structuredClone(variants);
    const throughput = data.comparisons[0].metrics.find((m) => m.metric === 'throughputPerSec');
    if (throughput === undefined) throw new Error('no throughput difference');
    throughput.difference.significant = true;
    throughput.better = null;
    const html = buildReportHtml(data, assets);
    // a significant throughput change has no better direction: a blue (neutral) badge …
    expect(html).toMatch(/<span class="badge neutral"[^>]*>[^<]*%</);
    // … which the legend explains beside green, red and grey
    const intro = /<p class="intro">Each variant ran[\s\S]*?<\/p>/.exec(html)?.[0] ?? '';
    expect(intro).toContain('Green is better, red is worse, blue is a significant change');
    expect(intro).toContain('grey “n.s.”');
    const ko = buildReportHtml(data, assets, undefined, 'ko');
    expect(ko).toContain('파란색은 좋고 나쁨이 없는 지표');
  });

  it('warns that one replication gives no confidence intervals', async () => {
    const one = await shippedReportData('01-shared-db.yaml', 20_000, 1);
    expect(buildReportHtml(one, assets)).toContain(
      'One replication: there are no confidence intervals',
    );
  });

  it('escapes every string from the scenario: names, descriptions, file, lesson, ids', () => {
    for (const data of [withHostileStrings(variants), withHostileStrings(single)]) {
      const html = buildReportHtml(data, assets);
      expect(html).not.toContain(HOSTILE);
      expect(html).not.toMatch(/<img/i);
      expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
      expect(html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
      expect(html).toContain('<p class="lede">desc &lt;script&gt;alert(1)&lt;/script&gt;</p>');
      expect(html).toContain('<h3>Lesson &lt;script&gt;alert(1)&lt;/script&gt;</h3>');
      // the inlined chart data holds the names as JSON with < escaped
      expect(JSON.stringify(inlinedCharts(html))).toContain(HOSTILE);
    }
  });

  it('references nothing on the network: no src, link, url() or @import; only label URLs', () => {
    const html = buildReportHtml(withHostileStrings(variants), assets);
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|srcset|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link|<iframe|<img|url\(|@import/i);
    const urls = new Set(html.match(/https?:\/\/[^\s"'<>)]*/g));
    expect(urls).toEqual(new Set([VEGA_LITE_SCHEMA, 'http://www.w3.org/2000/svg']));
  });

  it('gives the same bytes for the same data, and for the data read back from its JSON', () => {
    const html = buildReportHtml(variants, assets);
    expect(buildReportHtml(variants, assets)).toBe(html);
    expect(buildReportHtml(JSON.parse(JSON.stringify(variants)), assets)).toBe(html);
    expect(html).not.toMatch(/20\d\d-\d\d-\d\dT/);
  });
});

describe('buildChartsPage', () => {
  it('lays out any sections: escaped titles, a nav, trusted HTML and numbered charts', () => {
    const spec = latencyCdfChart(single);
    const html = buildChartsPage(
      'sweep <b>',
      [
        {
          id: 'p99 vs rate',
          title: 'p99 <vs> rate',
          html: markup`<p>trusted</p>`,
          charts: [{ spec, caption: 'a < b' }],
        },
        { id: 'more', title: 'More', nav: 'M', charts: [{ spec }, { spec }] },
      ],
      assets,
      { eyebrow: 'msasim sweep', header: markup`<p class="lede">grid</p>` },
    );
    expect(html).toContain('<title>sweep &lt;b&gt;</title>');
    expect(html).toContain('<p class="eyebrow">msasim sweep</p>');
    expect(html).toContain('<a href="#p99-vs-rate">p99 &lt;vs&gt; rate</a><a href="#more">M</a>');
    expect(html).toContain(
      '<section id="p99-vs-rate">\n<h2>p99 &lt;vs&gt; rate</h2>\n<p>trusted</p>',
    );
    expect(html).toContain('<figcaption>a &lt; b</figcaption>');
    expect(inlinedCharts(html).map((c) => c.id)).toEqual(['chart-1', 'chart-2', 'chart-3']);
  });
});
