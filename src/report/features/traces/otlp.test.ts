/**
 * Conformance of traces.otlp.json: the export is decoded by a strict, generic OTLP/JSON reader
 * (below: it knows nothing of msasim's mapping) into ReadableSpans, which the official
 * OpenTelemetry JS serializers (@opentelemetry/otlp-transformer) encode again: the JSON one must
 * give back exactly the same document, and the protobuf one a binary whose spans (decoded with
 * a small wire-format reader) carry the same ids, names, kinds and times. Malformed exports
 * (a number for a time, a bad id, an unknown field, a wrong kind, a missing field) fail.
 */
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestTrace } from '../../../metrics/traces.ts';
import { parseScenario } from '../../../model/language.ts';
import { runScenario } from '../../../model/run.ts';
import { frontGo, workThenQuery } from '../../../test-support/scenarios.ts';
import { EPOCH_NS, otlpExport, spanIdOf, toUnixNano, traceIdOf } from './otlp.ts';

type ReadableSpan = Parameters<typeof JsonTraceSerializer.serializeRequest>[0][number];
type Json = Record<string, unknown>;

/** reviews/list: 2 threads and 25 waiting at most, ~8 ms of work, then 10 rows of main. */
const REVIEWS = workThenQuery({
  service: 'reviews',
  threads: 2,
  queueCapacity: 25,
  endpoint: 'list',
  cpuMs: 8,
  db: 'main',
  rows: 10,
  connections: 1,
  queryMs: 2,
});

/**
 * A scenario whose traces hold every kind of span and event: waits, queries, cpu and sleep
 * steps, hops, errors, retries; KINDS adds the spans of a two-phase commit, a pending entity and
 * an event store's replay.
 */
const SCENARIO = `version: 1
name: traced
duration: 8s
warmup: 1s
trace: { slowest: 3, failed: 4, every: 200, sampled: 3 }
network:
  latency: { dist: constant, value: 0.5ms }
workloads:
  shoppers: { rate: 230/s, target: front/page, timeout: 400ms }
services:
  front:
    instances: 2
    threads: 20
    endpoints:
      page:
        steps:
          - cpu: 1ms
          - sleep: 0.2ms
          - call: reviews/list
            timeout: 120ms
            retry: { attempts: 2, backoff: 5ms }
          - query: { db: main, rows: 2 }
${REVIEWS}
`;

const KINDS = `version: 1
name: kinds
duration: 3s
trace: { slowest: 2, failed: 2, every: 10, sampled: 2 }
${frontGo(2, '200ms')}
          - twoPhaseCommit:
              participants: [{ prepare: a/prepare, keys: rows }, { prepare: a/prepare }]
          - pending: { name: order, confirm: a/prepare }
          - eventStore: { name: ledger, db: main, op: read, entities: 1, history: 3 }
  a:
    endpoints:
      prepare: { steps: [{ sleep: 10ms }] }
keys:
  rows: { size: 1, owner: a }
databases:
  main: {}
`;

let traces: RequestTrace[] = [];
let kindTraces: RequestTrace[] = [];
beforeAll(async () => {
  const scenario = parseScenario(SCENARIO, 'traced.yaml').variants[0];
  traces = (await runScenario(scenario)).traces ?? [];
  kindTraces = (await runScenario(parseScenario(KINDS, 'kinds.yaml').variants[0])).traces ?? [];
});

const keys = (o: object, allowed: string[], where: string) => {
  for (const k of Object.keys(o))
    if (!allowed.includes(k)) throw new Error(`${where}: unknown field ${k}`);
};
const need = <T>(v: T | undefined, what: string): T => {
  if (v === undefined) throw new Error(`missing ${what}`);
  return v;
};
const hex = (s: unknown, len: number, what: string) => {
  if (typeof s !== 'string' || !new RegExp(`^[0-9a-f]{${len}}$`).test(s) || /^0+$/.test(s))
    throw new Error(`${what} is not ${len} hex digits (not all zero): ${String(s)}`);
  return s;
};
const nanos = (s: unknown, what: string): [number, number] => {
  if (typeof s !== 'string' || !/^\d+$/.test(s))
    throw new Error(`${what} is not a decimal string of ns`);
  const n = BigInt(s);
  return [Number(n / 1_000_000_000n), Number(n % 1_000_000_000n)];
};
const attrs = (list: unknown, what: string): Record<string, string | number> => {
  if (!Array.isArray(list)) throw new Error(`${what}: attributes is not a list`);
  const out: Record<string, string | number> = {};
  for (const a of list as Json[]) {
    keys(a, ['key', 'value'], what);
    const v = need(a.value as Json | undefined, 'value');
    keys(v, ['stringValue', 'intValue'], what);
    if (typeof v.stringValue === 'string') out[a.key as string] = v.stringValue;
    else if (Number.isInteger(v.intValue)) out[a.key as string] = v.intValue as number;
    else throw new Error(`${what}: attribute ${String(a.key)} has no string or int value`);
  }
  return out;
};

/** A strict, generic OTLP/JSON reader: the export's spans as the SDK's ReadableSpans. */
function decode(doc: Json): ReadableSpan[] {
  keys(doc, ['resourceSpans'], 'request');
  const spans: ReadableSpan[] = [];
  for (const rs of need(doc.resourceSpans as Json[], 'resourceSpans')) {
    keys(rs, ['resource', 'scopeSpans'], 'resourceSpans[]');
    const r = need(rs.resource as Json, 'resource');
    keys(r, ['attributes', 'droppedAttributesCount'], 'resource');
    const resource = { attributes: attrs(r.attributes, 'resource') };
    for (const ss of need(rs.scopeSpans as Json[], 'scopeSpans')) {
      keys(ss, ['scope', 'spans'], 'scopeSpans[]');
      const scope = need(ss.scope as Json, 'scope');
      keys(scope, ['name'], 'scope');
      for (const s of need(ss.spans as Json[], 'spans')) {
        keys(
          s,
          [
            'traceId',
            'spanId',
            'parentSpanId',
            'name',
            'kind',
            'startTimeUnixNano',
            'endTimeUnixNano',
            'attributes',
            'droppedAttributesCount',
            'events',
            'droppedEventsCount',
            'status',
            'links',
            'droppedLinksCount',
            'flags',
          ],
          'span',
        );
        const traceId = hex(s.traceId, 32, 'traceId');
        const spanId = hex(s.spanId, 16, 'spanId');
        const kind = s.kind as number;
        if (!Number.isInteger(kind) || kind < 1 || kind > 5) throw new Error(`bad kind ${kind}`);
        if (s.flags !== 0x101) throw new Error(`flags ${String(s.flags)}: expected sampled, local`);
        const status = need(s.status as Json, 'status');
        keys(status, ['code', 'message'], 'status');
        if (![0, 1, 2].includes(status.code as number)) throw new Error('bad status code');
        const start = nanos(s.startTimeUnixNano, 'startTimeUnixNano');
        const end = nanos(s.endTimeUnixNano, 'endTimeUnixNano');
        if (BigInt(s.endTimeUnixNano as string) < BigInt(s.startTimeUnixNano as string))
          throw new Error('ends before it starts');
        const events = need(s.events as Json[], 'events').map((e) => {
          keys(e, ['attributes', 'name', 'timeUnixNano', 'droppedAttributesCount'], 'event');
          return {
            name: e.name as string,
            time: nanos(e.timeUnixNano, 'event time'),
            attributes: attrs(e.attributes, 'event'),
            droppedAttributesCount: e.droppedAttributesCount as number,
          };
        });
        const context = { traceId, spanId, traceFlags: 1 };
        spans.push({
          name: need(s.name as string, 'name'),
          kind: kind - 1,
          spanContext: () => context,
          parentSpanContext:
            s.parentSpanId === undefined
              ? undefined
              : {
                  traceId,
                  spanId: hex(s.parentSpanId, 16, 'parentSpanId'),
                  traceFlags: 1,
                  isRemote: false,
                },
          startTime: start,
          endTime: end,
          status: status as unknown as ReadableSpan['status'],
          attributes: attrs(s.attributes, 'span'),
          links: need(s.links as [], 'links'),
          events,
          duration: [0, 0],
          ended: true,
          resource: resource as unknown as ReadableSpan['resource'],
          instrumentationScope: { name: scope.name as string },
          droppedAttributesCount: need(
            s.droppedAttributesCount as number,
            'droppedAttributesCount',
          ),
          droppedEventsCount: need(s.droppedEventsCount as number, 'droppedEventsCount'),
          droppedLinksCount: need(s.droppedLinksCount as number, 'droppedLinksCount'),
        } as ReadableSpan);
      }
    }
  }
  return spans;
}

/** The export, through the generic reader and the official JSON serializer. */
function roundTrip(doc: Json): unknown {
  const bytes = JsonTraceSerializer.serializeRequest(decode(doc)) as Uint8Array;
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** A minimal protobuf wire reader: the fields of a message, by number (repeated kept in order). */
function fields(buf: Uint8Array): Map<number, (Uint8Array | bigint)[]> {
  const out = new Map<number, (Uint8Array | bigint)[]>();
  let i = 0;
  const varint = () => {
    let v = 0n;
    let shift = 0n;
    for (;;) {
      const b = buf[i++];
      v |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return v;
      shift += 7n;
    }
  };
  while (i < buf.length) {
    const tag = Number(varint());
    const wire = tag & 7;
    let value: Uint8Array | bigint;
    if (wire === 0) value = varint();
    else if (wire === 1) {
      value = new DataView(buf.buffer, buf.byteOffset + i, 8).getBigUint64(0, true);
      i += 8;
    } else if (wire === 2) {
      const n = Number(varint());
      value = buf.subarray(i, i + n);
      i += n;
    } else if (wire === 5) {
      value = BigInt(new DataView(buf.buffer, buf.byteOffset + i, 4).getUint32(0, true));
      i += 4;
    } else throw new Error(`wire type ${wire}`);
    const list = out.get(tag >> 3) ?? [];
    list.push(value);
    out.set(tag >> 3, list);
  }
  return out;
}
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('traces.otlp.json', () => {
  it('has traces of every kind to check', () => {
    const kinds = new Set(traces.flatMap((t) => t.spans.map((s) => s.kind)));
    expect([...kinds].sort()).toEqual([
      'connection-wait',
      'cpu',
      'hop',
      'query',
      'request',
      'sleep',
      'thread-wait',
      'visit',
    ]);
    const more = new Set(kindTraces.flatMap((t) => t.spans.map((s) => s.kind)));
    for (const k of ['step', 'round', 'lock', 'lock-wait', 'pending']) expect(more).toContain(k);
    expect(traces.some((t) => t.outcome !== 'ok')).toBe(true);
    expect(
      new Set(traces.flatMap((t) => t.spans.flatMap((s) => s.events.map((e) => e.name)))),
    ).toContain('timeout');
  });

  it('is what the official JSON serializer writes for the same spans', () => {
    const doc = otlpExport([{ scenario: 'traced', variant: null, traces }]) as Json;
    expect(roundTrip(doc)).toStrictEqual(doc);
    const kinds = otlpExport([{ scenario: 'kinds', variant: null, traces: kindTraces }]) as Json;
    expect(roundTrip(kinds)).toStrictEqual(kinds);
    // a later replication's traces: other trace ids, the same layout
    const again = kindTraces.map((t) => ({ ...t, replication: 2 }));
    const second = otlpExport([{ scenario: 'kinds', variant: null, traces: again }]) as Json;
    expect(roundTrip(second)).toStrictEqual(second);
    expect(JSON.stringify(second)).not.toContain(traceIdOf('kinds', null, kindTraces[0].seq));
    expect(JSON.stringify(second)).toContain(traceIdOf('kinds', null, kindTraces[0].seq, 2));
  });

  it('encodes with the official protobuf serializer to the same ids, names, kinds and times', () => {
    const doc = otlpExport([{ scenario: 'traced', variant: 'b', traces }]) as Json;
    const bytes = ProtobufTraceSerializer.serializeRequest(decode(doc)) as Uint8Array;
    const decoded: string[] = [];
    for (const rs of fields(bytes).get(1) as Uint8Array[])
      for (const ss of fields(rs).get(2) as Uint8Array[])
        for (const sp of fields(ss).get(2) as Uint8Array[]) {
          const f = fields(sp);
          const parent = f.get(4)?.[0] as Uint8Array | undefined;
          decoded.push(
            [
              toHex(f.get(1)?.[0] as Uint8Array),
              toHex(f.get(2)?.[0] as Uint8Array),
              parent === undefined || parent.length === 0 ? '' : toHex(parent),
              new TextDecoder().decode(f.get(5)?.[0] as Uint8Array),
              String(f.get(6)?.[0]),
              String(f.get(7)?.[0]),
              String(f.get(8)?.[0]),
            ].join(' '),
          );
        }
    const expected = (doc.resourceSpans as Json[]).flatMap((rs) =>
      ((rs.scopeSpans as Json[])[0].spans as Json[]).map((s) =>
        [
          s.traceId,
          s.spanId,
          s.parentSpanId ?? '',
          s.name,
          s.kind,
          s.startTimeUnixNano,
          s.endTimeUnixNano,
        ].join(' '),
      ),
    );
    expect(decoded).toEqual(expected);
    expect(decoded.length).toBeGreaterThan(20);
  });

  it('exports a 2PC’s prepares and decisions and an abandoned attempt as hop spans', async () => {
    const yaml = `version: 1
name: hops
duration: 12s
network:
  latency: { dist: constant, value: 1ms }
${frontGo()}
          - twoPhaseCommit:
              name: tx
              participants: [{ prepare: a/prepare }]
          - call: slow/get
            timeout: 5ms
            fallback: default
  a:
    endpoints:
      prepare: { steps: [{ sleep: 2ms }] }
  slow:
    endpoints:
      get: { steps: [{ sleep: 50ms }] }
`;
    const scenario = parseScenario(yaml, 'hops.yaml').variants[0];
    const ts =
      (await runScenario(scenario, { trace: { slowest: 1, failed: 0, every: 0, sampled: 0 } }))
        .traces ?? [];
    const doc = otlpExport([{ scenario: 'hops', variant: null, traces: ts }]) as Json;
    expect(roundTrip(doc)).toStrictEqual(doc);
    const spans = (
      (doc.resourceSpans as Json[]).flatMap((r) =>
        (r.scopeSpans as Json[]).flatMap((x) => x.spans as Json[]),
      ) as Json[]
    ).filter((x) => attrs(x.attributes, 'span')['msasim.span'] === 'hop');
    const named = (n: string) => spans.filter((x) => x.name === n);
    // the coordinator's messages to its participant: a prepare and a commit, each 1 ms, ok
    for (const n of ['front → a: 2PC tx prepare', 'front → a: 2PC tx commit']) {
      expect(named(n)).toHaveLength(1);
      expect(named(n)[0].status).toEqual({ code: 0 });
    }
    // the attempt the caller gave up on: its hop out, with an error status of its own
    const abandoned = named('front → slow');
    expect(abandoned).toHaveLength(1);
    expect(abandoned[0].status).toEqual({
      code: 2,
      message: "abandoned: the caller's timeout (front → slow/get)",
    });
    expect(attrs(abandoned[0].attributes, 'hop')['msasim.outcome']).toBe('timed out');
  });

  it('maps simulated time to the fixed epoch and makes deterministic, well-formed ids', () => {
    expect(toUnixNano(0)).toBe('946684800000000000');
    expect(toUnixNano(1.5)).toBe('946684800001500000');
    expect(EPOCH_NS).toBe(BigInt(Date.UTC(2000, 0, 1)) * 1_000_000n);
    expect(traceIdOf('s', null, 1)).toMatch(/^[0-9a-f]{16}0{15}1$/);
    expect(traceIdOf('s', 'a', 1)).not.toBe(traceIdOf('s', 'b', 1));
    expect(spanIdOf(3, 2)).toBe('0000000003000002');
  });

  it('a malformed export does not survive the round trip', () => {
    const good = otlpExport([{ scenario: 'traced', variant: null, traces }]) as Json;
    const span = (d: Json) =>
      ((d.resourceSpans as Json[])[0].scopeSpans as Json[])[0].spans as Json[];
    const broken: ((d: Json) => void)[] = [
      (d) => {
        span(d)[0].startTimeUnixNano = Number(span(d)[0].startTimeUnixNano);
      },
      (d) => {
        span(d)[0].traceId = 'XYZ';
      },
      (d) => {
        span(d)[0].spanId = Buffer.from(String(span(d)[0].spanId), 'hex').toString('base64');
      },
      (d) => {
        span(d)[0].kind = 'SPAN_KIND_SERVER';
      },
      (d) => {
        span(d)[0].startTime = span(d)[0].startTimeUnixNano;
      },
      (d) => {
        delete span(d)[0].droppedLinksCount;
      },
      (d) => {
        span(d)[0].attributes = [{ key: 'x', value: { stringValue: 3 } }];
      },
    ];
    for (const breakIt of broken) {
      const d = structuredClone(good);
      breakIt(d);
      let same = false;
      try {
        same = JSON.stringify(roundTrip(d)) === JSON.stringify(d);
      } catch {
        same = false;
      }
      expect(same).toBe(false);
    }
  });
});
