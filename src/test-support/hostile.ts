/**
 * Test helpers for hostile text (issue 12): the payloads an attacker would put in a scenario's
 * free text, options or results.json; a deep copy of any report document with a payload added
 * to every string in it (names, descriptions, ids, seeds, parameter values, sentences, record
 * keys) but the few that name a kind or a metric; report data, sweep data and spof data that
 * reach every section of index.html, sweep.html and spof.html, and those pages built from them
 * (`hostilePages`); and a check of a page's markup that says which payload got through.
 */
import type { RunSummary } from '../metrics/summary.ts';
import { parseScenario } from '../model/language.ts';
import { replicationSeed, runScenario } from '../model/run.ts';
import type { MetricEstimate } from '../report/estimates.ts';
import { describeParts } from '../report/features/descriptions/part-description.ts';
import { buildReportHtml, type VegaAssets } from '../report/html/page.ts';
import { buildReportData, type ReportData } from '../report/report-data.ts';
import type { ScenarioResults } from '../report/results.ts';
import { formatSpof, type SpofData, spofData } from '../report/spof.ts';
import { spofPage } from '../report/spof-page.ts';
import type { SweepData } from '../report/sweep-data.ts';
import { sweepPage } from '../report/sweep-page.ts';
import { formatTable } from '../report/table.ts';
import { estimate } from '../stats/index.ts';
import { fakeCache } from './caches.ts';
import { fakeConsumerGroup, withConsumers } from './consumers.ts';
import { fakeSessionSummary, withSessions } from './sessions.ts';
import {
  fakeReader,
  fakeSaga,
  fakeTransaction,
  withReaders,
  withSagas,
  withTransactions,
} from './transactions.ts';

/** The global a payload sets when it runs (the browser test checks it stays undefined). */
export const TRAP = '__pwned';

/**
 * What an attacker would write: script elements, event handlers on img/svg, an iframe with its
 * own document, a javascript: URL, CSS that fetches or runs script, a meta refresh, a
 * `</script>` to leave a script element, a comment opener, attribute breakouts with either
 * quote, a template-literal breakout, Unicode line separators (which end a JS string in old
 * engines), and NUL bytes. Each sets window.__pwned, calls alert, or fetches 127.0.0.1:9.
 */
export const PAYLOADS: readonly string[] = [
  '<script>window.__pwned=1;alert(1)</script>',
  '<img src=x onerror="window.__pwned=2;alert(2)">',
  '<svg onload="window.__pwned=3;alert(3)"><circle r=1 /></svg>',
  '<iframe srcdoc="<script>parent.__pwned=4;alert(4)</script>"></iframe>',
  'javascript:window.__pwned=5;alert(5)',
  '<p style="background:url(http://127.0.0.1:9/css);width:expression(window.__pwned=6)">x</p><style>@import "http://127.0.0.1:9/import.css";</style>',
  '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/refresh">',
  '</script><script>window.__pwned=8;alert(8)</script>',
  '<!--<script>window.__pwned=9;alert(9)</script>',
  '" onmouseover="window.__pwned=10" autofocus onfocus="window.__pwned=10;alert(10)" x="',
  "' onmouseover='window.__pwned=11' autofocus onfocus='window.__pwned=11;alert(11)' x='",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-literal breakout, as text
  '${window.__pwned=12}`;window.__pwned=12;alert(12);`',
  '\u2028\u2029</script>\u2028<script>window.__pwned=13</script>\u2029',
  '\u0000<script>window.__pwned=14</script>\u0000]]><![CDATA[<img src=x onerror=alert(14)>',
];

/** A lesson with hostile Markdown: raw HTML, script links, comments, code that closes a script. */
export const HOSTILE_LESSON = [
  '# Lesson <script>window.__pwned=20;alert(20)</script>',
  '',
  'See [the docs](javascript:window.__pwned=21), [data](data:text/html,<script>alert(22)</script>),',
  '[a breakout](https://example.org/"onmouseover="window.__pwned=23) and <img src=x onerror="window.__pwned=24">.',
  '',
  '<!-- <script>window.__pwned=25</script>',
  '',
  '```html',
  '</script><script>window.__pwned=26;alert(26)</script>',
  '```',
  '',
  '| <b onmouseover="window.__pwned=27">a</b> | `</script><script>alert(28)</script>` |',
  '| --- | --- |',
  '| ]]> | <iframe src="javascript:alert(29)"></iframe> |',
  '',
  '- *emphasis <svg onload=alert(30)>* and **bold `code`**',
  '',
].join('\n');

/** Keys whose strings name a kind, a scope, a unit or a metric: code reads them, not people. */
const STRUCTURAL_KEYS = new Set([
  'kind',
  'scope',
  'unit',
  'metric',
  'key',
  'type',
  'mode',
  'strategy',
  'ack',
  'idempotency',
  'locking',
  'stopReason',
  'eviction',
  'layer',
  'format',
]);

/** Values code looks for by name (the client node, the overall series): kept as they are. */
const SENTINELS = new Set(['', 'client', 'overall']);

/**
 * Fields that are records keyed by scenario text (an endpoint, a component, a parameter path):
 * their keys are made hostile too. The keys of every other object are field names.
 */
const RECORD_FIELDS = new Set(['requests', 'components', 'distributions', 'values']);

/**
 * A deep copy of `value` in which every string, and every key of a record (or Map) keyed by
 * scenario text, becomes `rewrite(itself)`, except under STRUCTURAL_KEYS and the SENTINELS
 * (`structural`: under those keys too, as in a results.json edited by hand). The same string
 * always becomes the same, so an id stays consistent wherever it is referenced.
 */
export function hostileCopy<T>(
  value: T,
  rewrite: (text: string) => string,
  options: { structural?: boolean } = {},
): T {
  const text = (s: string) => (SENTINELS.has(s) ? s : rewrite(s));
  const kept = (key: string | null) =>
    options.structural !== true && key !== null && STRUCTURAL_KEYS.has(key);
  const walk = (v: unknown, key: string | null, inList = false): unknown => {
    if (typeof v === 'string') return kept(key) ? v : text(v);
    if (Array.isArray(v)) return v.map((x) => walk(x, key, true));
    if (v instanceof Map)
      return new Map([...v].map(([k, x]) => [typeof k === 'string' ? text(k) : k, walk(x, null)]));
    if (v !== null && typeof v === 'object') {
      const record = !inList && key !== null && RECORD_FIELDS.has(key);
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [record ? text(k) : k, walk(x, record ? null : k)]),
      );
    }
    return v;
  };
  return walk(value, null) as T;
}

/** Every string gets `payload` appended. */
export const onePayload = (payload: string) => (text: string) => text + payload;

/** A number from `text` and `offset`, to pick a payload per string. */
function hash(text: string, offset: number): number {
  let h = offset;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h;
}

/** Each string gets one of PAYLOADS appended, picked by a hash of the string (and `offset`). */
export const mixedPayloads =
  (offset = 0) =>
  (text: string): string =>
    text + PAYLOADS[hash(text, offset) % PAYLOADS.length];

/**
 * What an attacker would start a spreadsheet cell with (CSV formula injection): a formula that
 * runs a command, the other formula starters (+ - @, their full-width forms), a tab, a CR, and
 * a CR or LF inside (which must not split the row).
 */
export const FORMULAS: readonly string[] = [
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  '\uFF1D1+1',
  'a\rb',
  'a\nb',
  'a\r\nb',
];

/** Each string starts with one of FORMULAS, picked by a hash of the string (and `offset`). */
export const mixedFormulas =
  (offset = 0) =>
  (text: string): string =>
    FORMULAS[hash(text, offset) % FORMULAS.length] + text;

/** Two variants, retries and a breaker, a fault, an SLO: most sections of the report. */
const SCENARIO = `
version: 1
name: hostile
description: a scenario whose every text is hostile
seed: 7
duration: 6s
warmup: 1s
workloads:
  shoppers: { rate: 200/s, target: orders/place, timeout: 1s }
services:
  orders:
    threads: 20
    runtime: { eventLoop: { perMessage: 0.02ms }, timers: { tick: 1ms } }
    endpoints:
      place:
        steps:
          - cpu: 0.5ms
          - call: inventory/reserve
            timeout: 100ms
  inventory:
    threads: 4
    database: inventory-db
    endpoints:
      reserve:
        steps:
          - cpu: 1ms
          - query: { rows: 1 }
databases:
  inventory-db: { connections: 4, queryTime: 1ms }
faults:
  slow-inventory:
    description: inventory slows down
    kind: latency
    target: inventory
    factor: 20
    at: 2s
    for: 2s
  inventory-paused:
    description: inventory's process is paused
    kind: crash
    mode: freeze
    target: inventory
    backlog: 50
    at: 4500ms
    for: 500ms
slos:
  orders-available:
    endpoint: orders/place
    availability: 99%
variants:
  timeouts:
    description: timeouts only
  retries:
    description: retries behind a breaker
    set:
      services.orders.endpoints.place.steps[1].retry: { attempts: 3, backoff: 10ms, jitter: full }
      services.orders.endpoints.place.steps[1].breaker: { failureRate: 50%, window: 20, minCalls: 10, openFor: 1s, halfOpenCalls: 2 }
`;

/** A cache's figures (the scenario has none; the report's cache table and charts read these). */
const stockCache = () => {
  const [hits, staleHits, misses] = [700, 20, 280];
  const lookups = hits + staleHits + misses;
  const counts = { lookups, hits, staleHits, misses, hitRatio: (hits + staleHits) / lookups };
  return fakeCache({
    id: 'stock-cache',
    ...counts,
    fills: misses,
    evictions: 5,
    expired: 3,
    entriesPerStore: { mean: 100, max: 120 },
    bytesPerStore: { mean: 4096, max: 8192 },
  });
};

let results: Promise<ScenarioResults> | undefined;

/**
 * The results of SCENARIO (2 replications per variant) with sessions, consumer groups, sagas,
 * local transactions, readers and a cache put in, and a lesson (memoized; a fresh copy each call).
 */
export async function featureRichResults(): Promise<ScenarioResults> {
  results ??= (async () => {
    const loaded = parseScenario(SCENARIO, 'hostile.yaml');
    const out: ScenarioResults = {
      name: loaded.name,
      description: loaded.description,
      file: 'scenarios/hostile.yaml',
      lesson: HOSTILE_LESSON,
      runs: [],
      replications: [],
      // the page shows them (features/descriptions/): a payload goes into each
      descriptions: [
        ...describeParts(loaded.variants[0]),
        { kind: 'service', name: loaded.variants[0].services[0].id, text: 'described' },
      ],
    };
    for (const v of loaded.variants) {
      const mine: RunSummary[] = [];
      for (let r = 1; r <= 2; r++) {
        // the first replication traced: span names, causes and events reach the page too
        const trace = r === 1 ? { slowest: 2, failed: 2, every: 500, sampled: 1 } : null;
        const result = await runScenario(v, { seed: replicationSeed(v.seed, r), trace });
        result.summary.caches = [stockCache()];
        if (r === 1) out.runs.push(result);
        mine.push(result.summary);
      }
      out.replications?.push(mine);
    }
    let rich = withSessions(out, () => fakeSessionSummary());
    rich = withConsumers(rich, () => [
      fakeConsumerGroup({ examples: { appliedTwice: 'order 7 twice', lost: 'order 9' } }),
    ]);
    rich = withSagas(rich, () => [fakeSaga()]);
    rich = withTransactions(rich, () => [fakeTransaction()]);
    rich = withReaders(rich, () => [fakeReader(), fakeReader({ id: 'auditor', example: null })]);
    return rich;
  })();
  return structuredClone(await results);
}

/** The report data of featureRichResults, read back from JSON, with every string made hostile. */
export async function hostileReportData(
  rewrite: (text: string) => string,
  variants = true,
  structural = false,
): Promise<ReportData> {
  const rich = await featureRichResults();
  if (!variants) {
    rich.runs = rich.runs.slice(0, 1);
    rich.replications = rich.replications?.slice(0, 1);
    rich.runs[0].summary.scenario.variant = null;
    for (const s of rich.replications?.[0] ?? []) s.scenario.variant = null;
  }
  const data = JSON.parse(JSON.stringify(buildReportData(rich))) as ReportData;
  return hostileCopy(data, rewrite, { structural });
}

const est = (scope: 'overall' | 'component', id: string, metric: string, xs: number[]) =>
  ({
    key: `${scope}|${id}|${metric}`,
    scope,
    id,
    metric,
    label: `${metric} label`,
    unit: metric === 'errorRate' || metric === 'utilisation' ? 'ratio' : 'ms',
    lowerIsBetter: true,
    values: xs,
    estimate: estimate(xs),
  }) as MetricEstimate;

/**
 * A sweep of a number and a text parameter (as `--param description=…` would give), two
 * variants, two replications with string seeds, every string made hostile.
 */
export function hostileSweepData(rewrite: (text: string) => string): SweepData {
  const params = [
    { path: 'services.orders.threads', values: [4, 8] },
    { path: 'description', values: ['first text', 'second text'] },
  ];
  const points = [0, 1, 2, 3].flatMap((index) =>
    ['timeouts', 'retries'].map((variant) => {
      const n = 1 + index;
      return {
        index,
        values: {
          'services.orders.threads': [4, 8][index >> 1],
          description: ['first text', 'second text'][index & 1],
        },
        variant,
        estimates: [
          est('overall', '', 'p50Ms', [n, n + 0.5]),
          est('overall', '', 'p99Ms', [3 * n, 3 * n + 1]),
          est('overall', '', 'throughputPerSec', [100 + n, 101 + n]),
          est('overall', '', 'errorRate', [0.01 * n, 0.012 * n]),
          est('component', 'inventory-db', 'utilisation', [0.5 / n, 0.55 / n]),
          est('component', 'orders', 'utilisation', [0.2 * n, 0.21 * n]),
        ],
      };
    }),
  );
  const data: SweepData = {
    format: 1,
    scenario: { name: 'hostile', description: 'a sweep of hostile text', file: 'hostile.yaml' },
    params,
    replications: 2,
    seeds: ['seed-a/1', 'seed-a/2'],
    points,
  };
  const copy = hostileCopy(data, rewrite);
  // the estimates' keys are code's (kept), but their ids are hostile: keep them in step
  for (const p of copy.points)
    for (const e of p.estimates) e.key = `${e.scope}|${e.id}|${e.metric}`;
  return copy;
}

/** A spof analysis of two components over two endpoints, every string made hostile. */
export function hostileSpofData(rewrite: (text: string) => string): SpofData {
  const series = (ok: number) =>
    new Map(
      ['orders/place', 'orders/list'].map((e) => [
        e,
        [2, 3, 4, 5].map((second) => ({
          second,
          arrivals: 100,
          ok,
          rejected: 0,
          timedOut: 100 - ok,
          failed: 0,
          meanMs: 3,
          p50Ms: 2,
          p90Ms: 4,
          p99Ms: 9 + second,
          maxMs: 20,
          inFlight: 1,
        })),
      ]),
    );
  const data = spofData({
    format: 1,
    scenario: { name: 'hostile', description: 'a spof of hostile text', file: 'hostile.yaml' },
    variant: 'retries',
    seed: 'seed-a',
    mode: 'refuse',
    window: { startMs: 2000, endMs: 6000 },
    baseline: { series: series(100) },
    runs: [
      {
        candidate: { id: 'inventory-db', kind: 'database', callers: ['inventory'] },
        series: series(40),
      },
      {
        candidate: { id: 'inventory', kind: 'service', callers: ['orders', 'client'] },
        series: series(90),
      },
    ],
  });
  return hostileCopy(data, rewrite);
}

export { pageProblems } from './page-problems.ts';

/** The page of each builder with `rewrite` applied to every string of its data. */
export async function hostilePages(
  rewrite: (text: string) => string,
  assets: VegaAssets,
  edited = false,
): Promise<[string, string][]> {
  const spof = hostileSpofData(rewrite);
  return [
    ['index-variants', buildReportHtml(await hostileReportData(rewrite, true, edited), assets)],
    ['index-single', buildReportHtml(await hostileReportData(rewrite, false, edited), assets)],
    ['sweep', sweepPage(hostileSweepData(rewrite), assets)],
    ['spof', spofPage(spof, formatSpof(spof, formatTable), assets)],
  ];
}
