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

  it('put their page sections after the propagation, before the policies', async () => {
    const data = buildReportData(await featureRichResults());
    const ids = sectionIds(buildReportHtml(data, NO_LIBRARIES));
    expect(ids.indexOf('freezes')).toBe(ids.indexOf('propagation') + 1);
    expect(ids.indexOf('runtimes')).toBe(ids.indexOf('freezes') + 1);
    expect(ids.indexOf('policies')).toBe(ids.indexOf('runtimes') + 1);
  });
});
