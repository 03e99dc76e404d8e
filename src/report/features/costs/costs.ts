/**
 * The cost model in the report (issue 18; the source: "there is no size at which MSA clearly
 * pays", a monolith scales as a whole): what each variant's run would cost per hour, from the
 * scenario's `costs:` prices and what the run used over its statistics window —
 * - instances: each service's mean instance count (autoscaled: the time-weighted mean) × the
 *   price per hour of its instance size; a service that received nothing in the window is
 *   taken as not deployed (a variant may leave some of the scenario's services unused);
 * - cache memory: memory held by caches per instance (GB) × instances × the GB-hour price;
 * - databases: connections × the connection-hour price, and nodes (instances) × the node-hour
 *   price;
 * - transfer: bytes moved per hour × the GB price: when the scenario declares sizes
 *   (`payload:`), every link's bytes both ways (client requests and answers, calls and replies,
 *   events, saga messages, rows read: report/features/bytes/); otherwise the bytes of rows read
 *   from key spaces and of the sagas' messages (the only sizes known). A call inside one service (a monolith's module
 *   calling another) moves nothing. Simplification: one price per GB, whatever the link
 *   (inside a zone, across zones, to the internet).
 * and per million successful requests (the hourly cost over the hourly throughput). Pure.
 */

import type { ComponentSummary, RunResult, RunSummary } from '../../../metrics/summary.ts';
import type { CostsDef } from '../../../scenario/types.ts';
import { csvOf, rounded, roundedFields } from '../../csv.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t } from '../../i18n/t.ts';
import { lowerIsBetter as m, runMetricSource } from '../../key-metrics.ts';
import type { ScenarioResults } from '../../results.ts';
import { num, type TextColumn, tableOf } from '../../text-table.ts';
import { bytesMovedOf } from '../bytes/bytes.ts';

const GB = 1024 ** 3;

/** One variant's costs per hour, by item, and per million successful requests. */
export interface CostBreakdown {
  currency: string;
  instancesPerHour: number;
  memoryPerHour: number;
  databasesPerHour: number;
  transferPerHour: number;
  totalPerHour: number;
  /** The cost of a million successful requests at the run's throughput (null: none succeeded). */
  perMillionRequests: number | null;
  /** Each service's mean instances and size. */
  services: { id: string; size: string; instances: number; perHour: number }[];
}

const instancesOf = (c: ComponentSummary): number => c.scaling?.meanInstances ?? c.instances;

/** The costs of one run (null without `costs:` in its scenario). */
export function costsOf(s: RunSummary): CostBreakdown | null {
  const def: CostsDef | undefined = s.scenario.costs;
  if (def === undefined) return null;
  const sizes = new Map(def.sizes.map((x) => [x.name, x]));
  const services: CostBreakdown['services'] = [];
  let memoryGB = 0;
  let databasesPerHour = 0;
  for (const c of s.components) {
    const n = instancesOf(c);
    if (c.kind === 'service' && c.arrivals > 0) {
      const size = def.services[c.id] ?? def.sizes[0].name;
      const perHour = n * (sizes.get(size)?.perHour ?? 0);
      services.push({ id: c.id, size, instances: n, perHour });
      memoryGB += (c.memoryBytesPerInstance * n) / GB;
    } else if (c.kind === 'database') {
      databasesPerHour += n * (c.capacityPerInstance * def.perConnectionHour + def.perDatabaseHour);
    }
  }
  const hours = s.windowMs / 3_600_000;
  const bytes = bytesMovedOf(s)?.bytes ?? knownBytes(s);
  const instancesPerHour = services.reduce((a, x) => a + x.perHour, 0);
  const memoryPerHour = memoryGB * def.perGBMemoryHour;
  const transferPerHour = hours > 0 ? (bytes / GB / hours) * def.perGBTransferred : 0;
  const totalPerHour = instancesPerHour + memoryPerHour + databasesPerHour + transferPerHour;
  const okPerHour = s.overall.throughputPerSec * 3600;
  return {
    currency: def.currency,
    instancesPerHour,
    memoryPerHour,
    databasesPerHour,
    transferPerHour,
    totalPerHour,
    perMillionRequests: okPerHour > 0 ? (totalPerHour / okPerHour) * 1e6 : null,
    services,
  };
}

/**
 * The bytes a run moved when its scenario declares no size: the rows read from key spaces and
 * the messages of its sagas (their sizes have defaults).
 */
function knownBytes(s: RunSummary): number {
  const rows = s.components.reduce((a, c) => a + (c.kind === 'database' ? c.bytesRead : 0), 0);
  const sagas = (s.sagas ?? []).reduce(
    (a, x) => a + x.bytesPerSaga * (x.completed + x.compensated + x.inconsistent),
    0,
  );
  return rows + sagas;
}

const withCosts = (runs: readonly RunResult[]): [RunResult, CostBreakdown][] =>
  runs.flatMap((r) => {
    const c = costsOf(r.summary);
    return c === null ? [] : [[r, c] as [RunResult, CostBreakdown]];
  });

const money = (x: number) => num(x, 4);

/** costs.csv: one row per variant (first replication): the costs per hour by item. */
export function costsCsv(results: ScenarioResults): string {
  return csvOf<CostBreakdown>(
    [
      ['currency', (c) => c.currency],
      ...roundedFields<CostBreakdown>(
        'instancesPerHour',
        'memoryPerHour',
        'databasesPerHour',
        'transferPerHour',
        'totalPerHour',
      ),
      ['perMillionRequests', (c) => rounded(c.perMillionRequests)],
      [
        'instances',
        (c) => c.services.map((x) => `${x.id}: ${num(x.instances, 2)} × ${x.size}`).join('; '),
      ],
    ],
    withCosts(results.runs),
  );
}

type Row = [variant: string, c: CostBreakdown];

const COLUMNS: TextColumn<Row>[] = [
  ['variant', ([v]) => v],
  ['instances', ([, c]) => money(c.instancesPerHour)],
  ['cache memory', ([, c]) => money(c.memoryPerHour)],
  ['databases', ([, c]) => money(c.databasesPerHour)],
  ['transfer', ([, c]) => money(c.transferPerHour)],
  ['total/hour', ([, c]) => `${c.currency}${money(c.totalPerHour)}`],
  ['per 1M ok', ([, c]) => (c.perMillionRequests === null ? '–' : money(c.perMillionRequests))],
];

/** ■ costs: one row per variant ('' without costs), with what each service ran on. */
export function formatCosts(results: ScenarioResults, lang: Lang = 'en'): string {
  const rows: Row[] = withCosts(results.runs).map(([r, c]) => [
    r.summary.scenario.variant ?? '',
    c,
  ]);
  if (rows.length === 0) return '';
  const fleets = rows.map(
    ([v, c]) =>
      `${v || t(lang, 'costs.run')}: ${c.services.map((x) => `${x.id} ${num(x.instances, 1)} × ${x.size}`).join(', ')}`,
  );
  return [
    t(lang, 'costs.console'),
    tableOf(COLUMNS, rows, lang),
    ...fleets,
    t(lang, 'costs.legend'),
  ].join('\n');
}

/** Each variant's cost per hour and per million successful requests. */
export const COST_METRICS = runMetricSource<CostBreakdown>(
  'costs',
  costsOf,
  [
    m('totalPerHour', 'cost per hour', 'count', (c) => c.totalPerHour),
    m('perMillionRequests', 'cost per million ok requests', 'count', (c) => c.perMillionRequests),
  ],
  true,
);
