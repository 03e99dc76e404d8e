/**
 * Every page builder against hostile text (issue 12): each payload of PAYLOADS in every string
 * of the data — scenario name, description, file and lesson, variant names and descriptions,
 * service, endpoint, database, cache, fault, SLO, consumer-group, saga and reader ids, seeds,
 * sweep parameter paths and values, sentences, record keys — and in a mix (each string its
 * own payload); the pages index.html (with and without variants), sweep.html and spof.html
 * must hold no payload unescaped, no foreign element or attribute, and still show the text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  hostileReportData,
  hostileSpofData,
  hostileSweepData,
  mixedPayloads,
  onePayload,
  PAYLOADS,
  pageProblems,
} from '../test-support/hostile.ts';
import { sectionIds } from '../test-support/report-data.ts';
import { buildReportHtml, type VegaAssets } from './html/page.ts';
import { escapeText } from './html/template.ts';
import type { ReportData } from './report-data.ts';
import { formatSpof } from './spof.ts';
import { spofPage } from './spof-page.ts';
import { sweepPage } from './sweep-page.ts';
import { formatTable } from './table.ts';

const assets: VegaAssets = { vega: '/*vega*/', vegaLite: '/*vega-lite*/', vegaEmbed: '/*embed*/' };

/** PAYLOADS with their index, for it.each. */
const cases = PAYLOADS.map((p, i) => [i + 1, p] as const);

describe('index.html (buildReportHtml)', () => {
  const byPayload = new Map<string, { variants: ReportData; single: ReportData }>();
  beforeAll(async () => {
    for (const p of PAYLOADS)
      byPayload.set(p, {
        variants: await hostileReportData(onePayload(p)),
        single: await hostileReportData(onePayload(p), false),
      });
  }, 60_000);

  it.each(cases)('payload %i in every string: nothing gets through', (_, p) => {
    const { variants, single } = byPayload.get(p) as { variants: ReportData; single: ReportData };
    for (const data of [variants, single]) {
      const page = buildReportHtml(data, assets);
      expect(pageProblems(page, [p])).toEqual([]);
      // the text is still there, escaped: the payload reached the page and was shown as text
      expect(page).toContain(`<p class="lede">${escapeText(data.scenario.description)}</p>`);
      expect(page).toContain(escapeText(`${data.variants[0].summary.components[0].id}`));
    }
    // every section the data has is on the page
    expect(sectionIds(buildReportHtml(variants, assets))).toEqual([
      'highlights',
      'comparison',
      'lesson',
      'topology',
      'summary',
      'slos',
      'propagation',
      'freezes',
      'runtimes',
      'policies',
      'sessions',
      'messaging',
      'consistency',
      'latency',
      'over-time',
      'load',
      'traces',
    ]);
  });

  it('a different payload in each string: nothing gets through', async () => {
    for (const offset of [0, 1, 2, 3]) {
      const data = await hostileReportData(mixedPayloads(offset));
      expect(pageProblems(buildReportHtml(data, assets), PAYLOADS)).toEqual([]);
    }
  });

  it('a results.json edited by hand (kinds, scopes, units hostile too): nothing gets through', async () => {
    for (const p of PAYLOADS) {
      const data = await hostileReportData(onePayload(p), true, true);
      expect(pageProblems(buildReportHtml(data, assets), [p])).toEqual([]);
    }
  });

  it('the hostile lesson: raw HTML shown as text, script and data links dropped', async () => {
    const data = await hostileReportData(onePayload(''));
    const page = buildReportHtml(data, assets);
    expect(pageProblems(page, [])).toEqual([]);
    const lesson = /<div class="lesson">([\s\S]*?)<\/div>\n<\/section>/.exec(page)?.[1] ?? '';
    expect(lesson).toContain(
      '<h3>Lesson &lt;script&gt;window.__pwned=20;alert(20)&lt;/script&gt;</h3>',
    );
    expect(lesson).toContain('See the docs, data');
    expect(lesson).not.toMatch(/href="(javascript|data):/i);
    expect(lesson).toContain(
      '<a href="https://example.org/&quot;onmouseover=&quot;window.__pwned=23">',
    );
    expect(lesson).toContain(
      '<pre><code class="language-html">&lt;/script&gt;&lt;script&gt;window.__pwned=26;alert(26)&lt;/script&gt;</code></pre>',
    );
    expect(lesson).toContain('&lt;!-- &lt;script&gt;');
  });

  it('seeds given as text on the command line or in the file are escaped', async () => {
    const data = await hostileReportData(onePayload(''));
    data.seeds = ['<img src=x onerror=alert(1)>/1', '<img src=x onerror=alert(1)>/2'];
    const page = buildReportHtml(data, assets);
    expect(pageProblems(page, data.seeds.map(String))).toEqual([]);
    expect(page).toContain(
      'seeds <code>&lt;img src=x onerror=alert(1)&gt;/1</code>, <code>&lt;img',
    );
  });
});

describe('sweep.html (sweepPage)', () => {
  it.each(cases)('payload %i in every string: nothing gets through', (_, p) => {
    const data = hostileSweepData(onePayload(p));
    const page = sweepPage(data, assets);
    expect(pageProblems(page, [p])).toEqual([]);
    expect(page).toContain(`<p>${escapeText(data.scenario.description)}</p>`);
    // the seeds (issue 12: they were joined in raw) and the text parameter's values
    expect(page).toContain(
      `(seeds ${data.seeds.map((x) => `<code>${escapeText(String(x))}</code>`).join(', ')})`,
    );
    expect(page).toContain(`: ${escapeText(data.params[1].values.join(', '))}</li>`);
    expect(JSON.stringify(page.match(/id="chart-\d+"/g))).toContain('chart-1');
  });

  it('a different payload in each string: nothing gets through', () => {
    for (const offset of [0, 1, 2, 3]) {
      const page = sweepPage(hostileSweepData(mixedPayloads(offset)), assets);
      expect(pageProblems(page, PAYLOADS)).toEqual([]);
    }
  });
});

describe('spof.html (spofPage)', () => {
  it.each(cases)('payload %i in every string: nothing gets through', (_, p) => {
    const data = hostileSpofData(onePayload(p));
    const page = spofPage(data, formatSpof(data, formatTable), assets);
    expect(pageProblems(page, [p])).toEqual([]);
    expect(page).toContain(`<p>${escapeText(data.scenario.description)}</p>`);
    expect(page).toContain(escapeText(data.rows[0].component));
    expect(page).toContain('id="chart-1"');
  });

  it('a different payload in each string: nothing gets through', () => {
    for (const offset of [0, 1, 2, 3]) {
      const data = hostileSpofData(mixedPayloads(offset));
      const page = spofPage(data, formatSpof(data, formatTable), assets);
      expect(pageProblems(page, PAYLOADS)).toEqual([]);
    }
  });
});

describe('pageProblems', () => {
  it('finds what an unescaped payload would bring (so the checks above can fail)', async () => {
    const page = buildReportHtml(await hostileReportData(onePayload('')), assets);
    const inject = (markup: string) => page.replace('<main>', `<main>${markup}`);
    expect(pageProblems(page, PAYLOADS)).toEqual([]);
    for (const [i, p] of PAYLOADS.entries()) {
      if (i === 4 || i === 11) continue; // no markup of their own: harmless as text
      // the attribute breakouts break out of an attribute quoted as they expect
      const injected =
        i === 9
          ? page.replace('aria-label="', `aria-label="${p}`)
          : i === 10
            ? inject(`<p title='${p}'>`)
            : inject(p);
      expect(pageProblems(injected, [p]), p).not.toEqual([]);
      expect(pageProblems(injected, []), p).not.toEqual([]);
    }
    expect(pageProblems(inject('<a href="javascript:alert(1)">x</a>'), [])).toEqual([
      'a script URL: <a href="javascript:alert(1)">',
    ]);
    expect(pageProblems(inject('<p title="x" onclick=alert(1)>'), [])).toEqual([
      'a onclick attribute: <p title="x" onclick=alert(1)>',
    ]);
    expect(pageProblems(inject('<p title="&quot; onclick=&quot;x">'), [])).toEqual([]);
  });
});
