/**
 * sessions.csv and session-memory.csv: one row per variant with every scalar figure of the
 * SessionSummary in its own column (or per variant × service for memory); summary.json carries
 * the whole SessionSummary and the session key metrics. (That they are written only with
 * logged-in users: ../item-outputs.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { headerOf, rowsOf } from '../../../test-support/csv.ts';
import { fakeSessionSummary, tinyResults, withSessions } from '../../../test-support/sessions.ts';
import { buildOutputs, summaryJson } from '../../outputs.ts';
import { sessionMemoryCsv, sessionsCsv } from './sessions-csv.ts';

const results = await tinyResults();

const twoStrategies = withSessions(results, (v) =>
  v === 0
    ? fakeSessionSummary({ strategy: 'sticky' })
    : fakeSessionSummary({ strategy: 'store', storeOps: 3600, storeOpsPerSec: 180 }),
);

describe('sessions.csv', () => {
  it('has one column per scalar figure, nested objects flattened, in a fixed order', () => {
    const header = headerOf(sessionsCsv(twoStrategies));
    expect(header).toEqual([
      'variant',
      'strategy',
      'validateAt',
      'users',
      'meanLoggedIn',
      'logins',
      'loginsPerSec',
      'loginFailures',
      'reLogins',
      'refreshes',
      'logouts',
      'expiries',
      'forcedLogouts',
      'roleChanges',
      'validations',
      'unauthorizedLost',
      'unauthorizedRevoked',
      'unauthorizedExpired',
      'unauthorizedUnknown',
      'unauthorizedTotal',
      'unavailable',
      'sessionsLostCrash',
      'sessionsLostScaleIn',
      'sessionsLostTotal',
      'revocationEpisodes',
      'acceptedAfterRevocation',
      'revocationDelayMeanMs',
      'revocationDelayP50Ms',
      'revocationDelayP99Ms',
      'revocationDelayMaxMs',
      'staleRoleRequests',
      'replicationMessages',
      'replicationMessagesPerSec',
      'replicationBytes',
      'replicationBytesPerSec',
      'replicationCpuMs',
      'tokenCacheHits',
      'tokenCacheMisses',
      'tokenCacheHitRatio',
      'idpIssues',
      'idpResolves',
      'idpSyncs',
      'idpSyncFailures',
      'idpCalls',
      'storeOps',
      'storeOpsPerSec',
      'authTimeMeanMs',
      'authTimeP50Ms',
      'authTimeP99Ms',
      'authTimeMaxMs',
      'memoryBytesPerInstance',
    ]);
  });

  it('has one row per variant with its own figures', () => {
    const files = buildOutputs(twoStrategies);
    const rows = rowsOf(files.get('sessions.csv') ?? '');
    expect(rows.map((r) => [r.variant, r.strategy, r.storeOps])).toEqual([
      ['sticky', 'sticky', '1800'],
      ['store', 'store', '3600'],
    ]);
    const [sticky] = rows;
    expect(sticky).toEqual(
      expect.objectContaining({
        validateAt: 'api orders',
        meanLoggedIn: '412.5',
        unauthorizedLost: '3',
        unauthorizedRevoked: '5',
        unauthorizedExpired: '7',
        unauthorizedUnknown: '1',
        unauthorizedTotal: '16',
        sessionsLostCrash: '12',
        sessionsLostScaleIn: '9',
        sessionsLostTotal: '21',
        acceptedAfterRevocation: '13',
        revocationDelayMeanMs: '120.25',
        revocationDelayMaxMs: '900',
        replicationBytesPerSec: '3072',
        replicationCpuMs: '45.5',
        tokenCacheHitRatio: '0.75',
        idpCalls: '35', // 10 issues + 20 resolves + 5 syncs
        authTimeP99Ms: '4.75',
        memoryBytesPerInstance: '2048', // the larger of api's 2048 and orders' 512
      }),
    );
  });

  it('rounds to 4 decimals', () => {
    const third = withSessions(results, () => fakeSessionSummary({ loginsPerSec: 1 / 3 }));
    expect(rowsOf(sessionsCsv(third))[0].loginsPerSec).toBe('0.3333');
  });
});

describe('session-memory.csv', () => {
  it('has one row per variant × validating service', () => {
    const rows = rowsOf(sessionMemoryCsv(twoStrategies));
    expect(rows).toEqual([
      {
        variant: 'sticky',
        service: 'api',
        meanBytesPerInstance: '2048',
        maxBytesPerInstance: '4096',
      },
      {
        variant: 'sticky',
        service: 'orders',
        meanBytesPerInstance: '512',
        maxBytesPerInstance: '1024',
      },
      {
        variant: 'store',
        service: 'api',
        meanBytesPerInstance: '2048',
        maxBytesPerInstance: '4096',
      },
      {
        variant: 'store',
        service: 'orders',
        meanBytesPerInstance: '512',
        maxBytesPerInstance: '1024',
      },
    ]);
    expect(buildOutputs(twoStrategies).get('session-memory.csv')).toBe(
      sessionMemoryCsv(twoStrategies),
    );
  });
});

describe('summary.json with sessions', () => {
  it('carries every figure of each variant and the session key metrics', () => {
    const doc = JSON.parse(summaryJson(twoStrategies));
    expect(doc.runs[1].sessions).toEqual(
      fakeSessionSummary({ strategy: 'store', storeOps: 3600, storeOpsPerSec: 180 }),
    );
    const metrics = doc.runs[0].estimates
      .filter((e: { scope: string }) => e.scope === 'sessions')
      .map((e: { metric: string }) => e.metric);
    expect(metrics).toContain('revocationDelayMaxMs');
    const store = doc.comparisons[0].metrics.find(
      (m: { key: string }) => m.key === 'sessions||storeOpsPerSec',
    );
    expect(store.better).toBe(false); // twice the store operations of sticky
  });
});
