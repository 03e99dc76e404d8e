/**
 * Bytes moved between the parts of the system (issue 18), from the links of a run summary
 * (model/network.ts counts them when the scenario declares sizes: `payload:` of the network, a
 * call, a workload, a publish; a saga's messages and key-space rows are counted with them):
 * per link, the bytes sent (requests, events) and sent back (replies, rows read), and per
 * variant the total, the bytes per finished request and the GB per hour that the cost model
 * prices (report/features/costs/). Pure.
 */
import type { LinkKind, RunSummary } from '../../../metrics/summary.ts';
import { inBinaryUnits } from '../../binary-units.ts';
import { lowerIsBetter as m, runMetricSource } from '../../key-metrics.ts';
import { countColumns, num, type TextColumn } from '../../text-table.ts';

const GB = 1024 ** 3;

/** One link's bytes in the statistics window. */
export interface LinkBytes {
  /** `from → to`. */
  id: string;
  kind: LinkKind;
  /** Messages sent from `from` to `to` (their replies not counted). */
  messages: number;
  /** Bytes sent from `from` to `to`: requests, events. */
  bytesOut: number;
  /** Bytes sent back: replies, answers, rows read. */
  bytesBack: number;
  /** Both ways. */
  bytes: number;
  /** Both ways, per request finished in the window. */
  bytesPerRequest: number;
}

/** A run's totals over its links. */
export interface BytesMoved {
  bytes: number;
  /** Per request finished in the statistics window (0 when none finished). */
  bytesPerRequest: number;
  /** Per hour of the statistics window, GB (1024³ bytes). */
  gbPerHour: number;
}

const perRequest = (s: RunSummary, bytes: number) =>
  s.overall.finished > 0 ? bytes / s.overall.finished : 0;

/** Whether a run counted bytes (its scenario declares a size; older results never do). */
export const countsBytes = (s: RunSummary): boolean =>
  (s.links ?? []).some((l) => l.bytesOut !== undefined);

/**
 * The links that carried bytes in a run, with their bytes; undefined when its scenario declares
 * no size (older results too: their links carry no bytes).
 */
export function linkBytesOf(s: RunSummary): LinkBytes[] | undefined {
  if (!countsBytes(s)) return undefined;
  const used = s.links.filter((l) => (l.bytesOut ?? 0) + (l.bytesBack ?? 0) > 0);
  return used.map((l) => {
    const bytesOut = l.bytesOut ?? 0;
    const bytesBack = l.bytesBack ?? 0;
    const bytes = bytesOut + bytesBack;
    return {
      id: `${l.from} → ${l.to}`,
      kind: l.kind,
      messages: l.messages,
      bytesOut,
      bytesBack,
      bytes,
      bytesPerRequest: perRequest(s, bytes),
    };
  });
}

/** A run's bytes over all its links (null when its scenario declares no size). */
export function bytesMovedOf(s: RunSummary): BytesMoved | null {
  const links = linkBytesOf(s);
  if (links === undefined) return null; // no size declared (a run of zero bytes has [])
  const bytes = links.reduce((a, l) => a + l.bytes, 0);
  const hours = s.windowMs / 3_600_000;
  return {
    bytes,
    bytesPerRequest: perRequest(s, bytes),
    gbPerHour: hours > 0 ? bytes / GB / hours : 0,
  };
}

/** A size for people: B, KB, MB, GB, TB (1024 steps), three significant figures or so. */
export function sizeText(bytes: number): string {
  const [x, unit] = inBinaryUnits(bytes);
  return unit === 'B' ? `${Math.round(x)} B` : `${num(x, x < 10 ? 2 : x < 100 ? 1 : 0)} ${unit}`;
}

/** The console's columns of a link. */
export const LINK_COLUMNS: TextColumn<LinkBytes>[] = [
  ['kind', (x) => x.kind],
  ...countColumns<LinkBytes>('messages'),
  ['sent', (x) => sizeText(x.bytesOut)],
  ['sent back', (x) => sizeText(x.bytesBack)],
  ['total', (x) => sizeText(x.bytes)],
  ['per request', (x) => sizeText(x.bytesPerRequest)],
];

export const LINK_LEGEND = [
  'sent: requests, calls and events from → to; sent back: replies, answers and rows read',
  'per request: bytes over the requests finished in the measured window',
  'links that carried no bytes are left out (a call inside one service moves nothing)',
  'sizes from payload: (network, calls, workloads, publishes, sagas) and key-space rows',
];

/** The key metrics of a run as a whole: bytes per request and GB per hour. */
export const BYTES_METRICS = runMetricSource<BytesMoved>(
  'bytes',
  bytesMovedOf,
  [
    m('bytesPerRequest', 'bytes moved per request', 'bytes', (b) => b.bytesPerRequest),
    m('gbPerHour', 'GB moved per hour', 'count', (b) => b.gbPerHour),
  ],
  true,
);
