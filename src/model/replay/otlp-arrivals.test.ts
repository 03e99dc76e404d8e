/**
 * Arrivals from OTLP/JSON trace files, streamed: for random exports (fast-check: spans in any
 * order, roots and children, names of targets or not, start times as strings or as 19-digit
 * numbers) cut into random chunks, the reader gives exactly the root spans' start times, sorted
 * (ties in file order), from the earliest, at the replay's speed, each to its target; problems
 * are located at the line and column of what is wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReplayDef } from '../../scenario/types.ts';
import { OtlpArrivalReader, type OtlpArrivals } from './otlp-arrivals.ts';

const TARGETS = ['web/home', 'web/search'];
const def = (speed = 1) => ({ speed }) as ReplayDef;

function read(text: string, cuts: number[] = [], speed = 1): OtlpArrivals {
  const r = new OtlpArrivalReader(def(speed), TARGETS);
  let at = 0;
  for (const c of [...cuts, text.length].sort((x, y) => x - y)) {
    const issue = r.write(text.slice(at, Math.max(at, c)));
    if (issue !== null) return { issues: [issue] };
    at = Math.max(at, c);
  }
  return r.end();
}

interface Span {
  start: bigint;
  name: string;
  root: boolean;
  asNumber: boolean;
}

/** The export's text: spans dealt into resources and scopes, with attributes and events. */
function exportText(spans: Span[], groups: number): string {
  const resources: object[] = [];
  for (let g = 0; g < groups; g++) {
    const mine = spans.filter((_, i) => i % groups === g);
    resources.push({
      resource: { attributes: [{ key: 'service.name', value: { stringValue: `s${g}` } }] },
      scopeSpans: [
        {
          scope: { name: 'x' },
          spans: mine.map((s, i) => ({
            traceId: 'ab',
            spanId: `${g}-${i}`,
            ...(s.root ? (i % 2 === 0 ? {} : { parentSpanId: '' }) : { parentSpanId: 'cd' }),
            name: s.name,
            // a decoy: an event's name and time inside the span
            events: [{ name: 'web/home', timeUnixNano: '1' }],
            startTimeUnixNano: s.asNumber ? `@@${s.start}@@` : s.start.toString(),
          })),
        },
      ],
    });
  }
  // numbers written with their digits (JSON.stringify cannot write a 19-digit integer exactly)
  return JSON.stringify({ resourceSpans: resources }, null, 1).replace(/"@@(\d+)@@"/g, '$1');
}

/** What the arrivals must be: the roots by start (stable), from the earliest, in ms. */
function expected(spans: Span[], groups: number, speed: number) {
  const order: Span[] = [];
  for (let g = 0; g < groups; g++) order.push(...spans.filter((_, i) => i % groups === g));
  const roots = order.filter((s) => s.root);
  const sorted = roots
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.start < b.s.start ? -1 : a.s.start > b.s.start ? 1 : a.i - b.i))
    .map((x) => x.s);
  const origin = sorted[0].start;
  return {
    times: sorted.map((s) => {
      const ns = s.start - origin;
      return (Number(ns / 1_000_000n) + Number(ns % 1_000_000n) / 1e6) / speed;
    }),
    targets: sorted.map((s) => TARGETS.indexOf(s.name)),
  };
}

describe('OTLP/JSON arrivals, streamed', () => {
  it('are the root spans by start time, exactly, however the file is cut', () => {
    const span = fc.record({
      start: fc.bigInt(1_600_000_000_000_000_000n, 1_600_000_100_000_000_000n),
      name: fc.constantFrom('web/home', 'web/search', 'GET /', 'db'),
      root: fc.boolean(),
      asNumber: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(span, { minLength: 1, maxLength: 40 }).filter((l) => l.some((s) => s.root)),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(6000), { maxLength: 8 }),
        fc.constantFrom(1, 3),
        (spans, groups, cuts, speed) => {
          const got = read(exportText(spans, groups), cuts, speed);
          if ('issues' in got) throw new Error(got.issues[0].message);
          const want = expected(spans, groups, speed);
          expect([...got.times]).toEqual(want.times);
          expect([...got.targets]).toEqual(want.targets);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('locate what is wrong at its line and column', () => {
    const at = (text: string) => {
      const got = read(text);
      if (!('issues' in got)) throw new Error('accepted');
      const { message, line, col } = got.issues[0];
      return { message: message.replace('not an OTLP/JSON trace export: ', ''), line, col };
    };
    const doc = (spans: string) =>
      `{\n "resourceSpans": [\n  {\n   "scopeSpans": [\n    { "spans": [\n${spans}\n    ] }\n   ]\n  }\n ]\n}`;
    expect(at(doc('     { "startTimeUnixNano": "12x" }'))).toEqual({
      message:
        'resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano is not a whole number of ns',
      line: 6,
      col: 29,
    });
    expect(at(doc('     { "startTimeUnixNano": "1" },\n     { "name": "a" }'))).toEqual({
      message: 'resourceSpans[0].scopeSpans[0].spans[1].startTimeUnixNano is missing',
      line: 7,
      col: 6,
    });
    expect(at(doc('     3'))).toEqual({
      message: 'resourceSpans[0].scopeSpans[0].spans[0] is not an object',
      line: 6,
      col: 6,
    });
    expect(at(doc('     { "parentSpanId": "ab", "startTimeUnixNano": "1" }'))).toEqual({
      message: 'no root span (a span without parentSpanId)',
      line: 1,
      col: 1,
    });
    expect(at('{"resourceSpans": [\n  {"scopeSpans": 3}]}')).toEqual({
      message: 'resourceSpans[0].scopeSpans is not an array',
      line: 2,
      col: 18,
    });
    expect(at('{"resourceSpans": [\n  {"resource": {}}]}')).toEqual({
      message: 'resourceSpans[0] has no scopeSpans array',
      line: 2,
      col: 3,
    });
    expect(at('{"resourceSpans": {}}')).toMatchObject({ line: 1, col: 19 });
    expect(at('{"other": 1}')).toEqual({ message: 'no resourceSpans array', line: 1, col: 1 });
    expect(at('[]')).toMatchObject({ message: 'the document is not an object' });
    expect(at('{"resourceSpans": [\n  {,}]}')).toEqual({
      message: 'invalid JSON (expected a key (a string in double quotes))',
      line: 2,
      col: 4,
    });
  });
});
