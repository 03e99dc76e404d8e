/**
 * The reports of a freeze and of runtime effects (features freezes/ and runtimes/) on the
 * feature-rich hostile scenario's results (inventory frozen 4.5–5 s with an accept queue of 50;
 * orders with an event loop and timers): the CSV rows, the console sections and the page's
 * sections in their place.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../test-support/csv.ts';
import { featureRichResults } from '../../../test-support/hostile.ts';
import { NO_LIBRARIES, sectionIds } from '../../../test-support/report-data.ts';
import { buildReportHtml } from '../../html/page.ts';
import { buildOutputs } from '../../outputs.ts';
import { buildReportData } from '../../report-data.ts';
import { formatSummary } from '../../table.ts';
import { REPORT_FEATURES } from '../registry.ts';

describe('the freezes and runtime-effects reports', () => {
  it('write one CSV row per variant × instance or service, with every figure', async () => {
    const files = buildOutputs(await featureRichResults());
    const freezes = parseCsv(files.get('freezes.csv') ?? '');
    expect(freezes[0].slice(0, 4)).toEqual(['variant', 'instance', 'backlog', 'freezes']);
    expect(freezes.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['timeouts', 'inventory[0]', '50'],
      ['retries', 'inventory[0]', '50'],
    ]);
    const runtimes = parseCsv(files.get('runtimes.csv') ?? '');
    expect(runtimes[0]).toEqual(expect.arrayContaining(['service', 'messages', 'noisyShare']));
    expect(runtimes.slice(1).map((r) => r[1])).toEqual(['orders', 'orders']);
  });

  it('print their console sections', async () => {
    const text = formatSummary(await featureRichResults());
    expect(text).toMatch(/■ frozen instances: inventory\[0\]\n.*accept queue/);
    expect(text).toMatch(/■ runtime effects: orders\n/);
  });

  it('print their console sections and page sections in Korean (headers, legends, intros)', async () => {
    const results = await featureRichResults();
    const text = formatSummary(results, REPORT_FEATURES, 'ko');
    expect(text).toMatch(/■ 멈춘 인스턴스: inventory\[0\]\n.*수락 큐/);
    expect(text).toMatch(/■ 런타임 효과: orders\n.*ms\/메시지/);
    expect(text).toContain('붙잡힘: 끝과 응답이 재개를 기다린 방문');
    // an effect not asked for: "off" in English, 꺼짐 in Korean (the legend says so too)
    expect(formatSummary(results)).toMatch(/■ runtime effects: orders\n[^■]* off /);
    expect(text).toMatch(/■ 런타임 효과: orders\n[^■]* 꺼짐 [^■]*꺼짐: 요청하지 않은 효과/);
    expect(text).not.toMatch(/ off /);
    for (const english of ['accept queue', 'noisy episodes', 'counts after', 'timer shift'])
      expect(text).not.toContain(english);
    const page = buildReportHtml(buildReportData(results), NO_LIBRARIES, REPORT_FEATURES, 'ko');
    expect(page).toContain('멈춘 프로세스(crash: freeze)도 수락 큐에');
    expect(page).toContain('<th>시끄러운 시간</th>');
    expect(page).not.toMatch(/A frozen process|Costs of the services|>accept queue</);
  });

  it('put their page sections after the propagation, before the policies', async () => {
    const data = buildReportData(await featureRichResults());
    const ids = sectionIds(buildReportHtml(data, NO_LIBRARIES));
    expect(ids.indexOf('freezes')).toBe(ids.indexOf('propagation') + 1);
    expect(ids.indexOf('runtimes')).toBe(ids.indexOf('freezes') + 1);
    expect(ids.indexOf('policies')).toBe(ids.indexOf('runtimes') + 1);
  });
});
