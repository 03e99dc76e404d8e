/**
 * The console section of sessions (absent without logged-in users: ../item-outputs.test.ts):
 * one row per variant with
 * the strategy, 401s by reason, revocation, load on shared components, auth time and memory;
 * within 120 columns; and the session key metrics with their intervals after replications.
 */
import { describe, expect, it } from 'vitest';
import * as ss from '../../../test-support/sessions.ts';
import { formatReplications, formatSummary } from '../../table.ts';
import { formatSessions } from './session-table.ts';

const results = await ss.tinyResults();

describe('formatSessions', () => {
  it('prints one row per variant in each of its two tables', () => {
    const text = formatSessions(
      ss.withSessions(results, (v) =>
        v === 0
          ? ss.fakeSessionSummary({ strategy: 'sticky' })
          : ss.fakeSessionSummary({ strategy: 'value-token', memory: [] }),
      ),
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('■ sessions and credentials (after the warm-up)');
    expect(lines[1].split(/\s{2,}/)).toEqual([
      'variant',
      'strategy',
      'logins/s',
      '401s',
      'l/r/e/u',
      'lost',
      'revoked ms',
      'accepted',
      'stale role',
    ]);
    // 401s 16 = 3 lost / 5 revoked / 7 expired / 1 unknown; 21 lost; revocation 120/900 ms
    expect(lines[3].split(/\s+/)).toEqual([
      'sticky',
      'sticky',
      '15.00',
      '16',
      '3/5/7/1',
      '21',
      '120/900',
      '13',
      '17',
    ]);
    expect(lines[4].split(/\s+/).slice(0, 2)).toEqual(['store', 'value-token']);
    const cost = lines.slice(6, 10);
    expect(cost[0].split(/\s{2,}/)).toEqual([
      'variant',
      'repl msg/s',
      'repl KB/s',
      'token hits',
      'IdP i/r/s',
      'IdP/s',
      'store op/s',
      'auth ms',
      'KB/instance',
    ]);
    // IdP/s: (10 + 20 + 5) calls over the tiny run's 2 s window
    expect(cost[2].split(/\s{2,}/)).toEqual([
      'sticky',
      '30.0',
      '3.0',
      '75.0%',
      '10/20/5',
      '17.5',
      '90.0',
      '1.50/4.75',
      'api 2.0, orders 0.5',
    ]);
    expect(cost[3].endsWith('–')).toBe(true); // no service holds sessions in memory
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(120);
  });

  it('names the run by the scenario without variants, and sits in the run summary', () => {
    const one = ss.withSessions(ss.firstVariantOnly(results), () => ss.fakeSessionSummary());
    expect(formatSessions(one).split('\n')[3].split(/\s+/).slice(0, 2)).toEqual([
      'logged-in',
      'store',
    ]);
    expect(formatSummary(one)).toContain('■ sessions and credentials');
  });
});

describe('formatReplications with sessions', () => {
  it('adds the session key metrics with their intervals and their differences', async () => {
    const three = await ss.tinyResults(3);
    const text = formatReplications(
      ss.withSessions(three, (v, r) =>
        ss.fakeSessionSummary({ storeOpsPerSec: (v === 0 ? 90 : 180) + r }),
      ),
    );
    expect(text).toMatch(/session store ops\/s\s+91\.0 ± 2\.5\s+181\.0 ± 2\.5/);
    expect(text).toMatch(/session memory per instance\s+2\.0 ± 0\.0 KB/);
    expect(text).toContain('• store: session store ops/s +98.9 % vs sticky');
  });
});
