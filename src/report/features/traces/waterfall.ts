/**
 * The "Request traces" section: a waterfall per traced request (slowest first), drawn as SVG
 * with the `html` template (every name and cause escaped by construction). Each row is a span,
 * indented under its parent: the request (client), each visit with the instance that served
 * it, the waits for a thread, a connection or a row lock (dashed: time spent waiting, not
 * working), the queries, the cpu and sleep steps, the network hops (light grey), a two-phase
 * commit's rounds and locks, an entity kept pending, an event store's replay; failures in red, events (timeout, retry, fallback …) as marks with their name.
 * At most MAX_TRACES_SHOWN traces per variant and MAX_ROWS rows per trace are drawn; the
 * full set is in traces.otlp.json (open it in Jaeger or Grafana Tempo). The section's words are
 * the catalogue's (i18n/, `tr.*`) in the page's language, the model's span names, failure
 * causes and event names through span-words.ts.
 */
import type { RequestTrace, TraceSpan } from '../../../metrics/traces.ts';
import { FONT_STACK } from '../../html/chart-style.ts';
import type { PageSection } from '../../html/layout.ts';
import { type Html, html, joinHtml } from '../../html/template.ts';
import { tHtml } from '../../html/words.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t } from '../../i18n/t.ts';
import type { ReportData } from '../../report-data-types.ts';
import { causeWord, eventWord, outcomeWord, reasonWord, spanName } from './span-words.ts';

/** Traces drawn per variant, and rows per trace. */
export const MAX_TRACES_SHOWN = 12;
export const MAX_ROWS = 60;

const WIDTH = 900;
const LABEL = 300;
const ROW = 18;
const TOP = 22;
/** Room after the bars for their durations. */
const RIGHT = 56;

/** Fill of each kind of span. */
const FILL: Record<TraceSpan['kind'], string> = {
  request: '#9aa5b1',
  visit: '#4c78a8',
  'thread-wait': '#f2cf5b',
  'connection-wait': '#f2cf5b',
  query: '#72b7b2',
  cpu: '#54a24b',
  sleep: '#bab0ac',
  hop: '#d8d8d8',
  step: '#b279a2',
  round: '#9d755d',
  'lock-wait': '#f2cf5b',
  lock: '#ff9da6',
  pending: '#eeca3b',
};

/** Kinds drawn as waiting (dashed): time spent waiting for something, not working. */
const WAITS: ReadonlySet<TraceSpan['kind']> = new Set([
  'thread-wait',
  'connection-wait',
  'lock-wait',
]);

/** The spans of a trace in depth-first order (children by start), with their depth. */
export function layoutSpans(spans: readonly TraceSpan[]): { span: TraceSpan; depth: number }[] {
  const children = new Map<number, TraceSpan[]>();
  for (const s of spans) {
    const list = children.get(s.parent) ?? [];
    list.push(s);
    children.set(s.parent, list);
  }
  const out: { span: TraceSpan; depth: number }[] = [];
  const ids = new Set(spans.map((s) => s.id));
  const visit = (s: TraceSpan, depth: number) => {
    out.push({ span: s, depth });
    const mine = (children.get(s.id) ?? []).sort((a, b) => a.startMs - b.startMs || a.id - b.id);
    for (const c of mine) visit(c, depth + 1);
  };
  // roots: the request's span, and any span whose parent was not kept (past the cap)
  for (const s of spans) if (s.parent === 0 || !ids.has(s.parent)) visit(s, 0);
  return out;
}

/** "12.3 ms". */
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)} ms`;

function label(span: TraceSpan, lang: Lang): string {
  if (span.kind === 'visit' && span.instance >= 0) return `${span.name} #${span.instance + 1}`;
  if (span.kind === 'request') return t(lang, 'tr.request', { name: span.name });
  if (span.kind === 'query') return t(lang, 'tr.query', { name: span.name });
  return spanName(lang, span.name);
}

/** One trace's waterfall, its words in `lang`. */
export function waterfallSvg(trace: RequestTrace, lang: Lang = 'en'): Html {
  const rows = layoutSpans(trace.spans).slice(0, MAX_ROWS);
  const t0 = trace.startMs;
  const span = Math.max(trace.endMs - t0, ...rows.map((r) => r.span.endMs - t0), 1e-6);
  const x = (t: number) => LABEL + ((t - t0) / span) * (WIDTH - LABEL - RIGHT);
  const height = TOP + rows.length * ROW + 6;
  const title = t(lang, 'tr.svgTitle', {
    seq: trace.seq,
    entry: trace.entry,
    duration: ms(trace.endMs - trace.startMs),
    outcome: outcomeWord(lang, trace.outcome),
  });
  const bars = rows.map(({ span: s, depth }, i) => {
    const y = TOP + i * ROW;
    const x0 = x(s.startMs);
    const w = Math.max(1, x(s.endMs) - x0);
    const failed = s.outcome !== 'ok';
    const fill = failed ? '#e45756' : FILL[s.kind];
    const wait = WAITS.has(s.kind);
    const name = label(s, lang);
    const when = { label: name, duration: ms(s.endMs - s.startMs), start: ms(s.startMs - t0) };
    const tip = `${t(lang, 'tr.tip', when)}${failed ? ` — ${outcomeWord(lang, s.outcome)}${s.cause ? `: ${causeWord(lang, s.cause)}` : ''}` : ''}`;
    const marks = s.events.map(
      (e) =>
        html`<g><title>${t(lang, 'tr.event', { name: eventWord(lang, e.name), detail: e.detail, at: ms(e.atMs - t0) })}</title><path d="M${x(e.atMs)} ${y + 1}l4 6l-4 6l-4 -6z" fill="#222"/><text x="${x(e.atMs) + 6}" y="${y + 12}" font-size="10">${eventWord(lang, e.name)}</text></g>`,
    );
    return html`<g class="span"><title>${tip}</title><text x="${4 + depth * 10}" y="${y + 12}" font-size="11">${name.slice(0, 44)}</text><rect x="${x0}" y="${y + 2}" width="${w}" height="${ROW - 5}" fill="${fill}"${wait ? html` fill-opacity="0.75" stroke="#b8860b" stroke-dasharray="3 2"` : html``}/><text x="${x0 + w + 3}" y="${y + 12}" font-size="10" fill="#555">${ms(s.endMs - s.startMs)}</text>${marks}</g>`;
  });
  const scale = [0, 0.25, 0.5, 0.75, 1].map(
    (f) =>
      html`<text x="${x(t0 + f * span)}" y="12" font-size="10" fill="#555" text-anchor="${f === 1 ? 'end' : 'middle'}">${ms(f * span)}</text><line x1="${x(t0 + f * span)}" y1="15" x2="${x(t0 + f * span)}" y2="${height}" stroke="#ddd"/>`,
  );
  return html`<svg xmlns="http://www.w3.org/2000/svg" class="waterfall" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${title}" font-family="${FONT_STACK}"><title>${title}</title>${scale}${bars}</svg>`;
}

function traceBlock(trace: RequestTrace, lang: Lang): Html {
  const why = trace.reasons.map((r) => reasonWord(lang, r)).join(', ');
  const key =
    trace.key === null
      ? html``
      : tHtml(lang, 'tr.caption.key', { key: html`<code>${trace.key}</code>` });
  const dropped =
    trace.droppedSpans > 0 ? t(lang, 'tr.caption.dropped', { n: trace.droppedSpans }) : '';
  const rows = layoutSpans(trace.spans).length;
  const cut = rows > MAX_ROWS ? t(lang, 'tr.caption.cut', { shown: MAX_ROWS, all: rows }) : '';
  const caption = tHtml(lang, 'tr.caption', {
    entry: html`<strong>${trace.entry}</strong>`,
    seq: trace.seq,
    replication:
      trace.replication === undefined
        ? ''
        : t(lang, 'tr.caption.replication', { n: trace.replication }),
    duration: ms(trace.endMs - trace.startMs),
    outcome: outcomeWord(lang, trace.outcome),
    cause: trace.cause ? html` (${causeWord(lang, trace.cause)})` : html``,
    key,
    why,
    dropped,
    cut,
  });
  return html`<figure class="trace"><figcaption>${caption}</figcaption>${waterfallSvg(trace, lang)}</figure>`;
}

/** The section, when some variant was traced; its words in `lang`. */
export function tracesSection(data: ReportData, lang: Lang = 'en'): PageSection[] {
  const traced = data.variants.filter((v) => (v.traces ?? []).length > 0);
  if (traced.length === 0) return [];
  const blocks = traced.map((v) => {
    const traces = v.traces ?? [];
    const shown = traces.slice(0, MAX_TRACES_SHOWN);
    const heading = v.variant === null ? html`` : html`<h3>${v.variant}</h3>`;
    const more =
      traces.length > shown.length
        ? html`<p class="note">${t(lang, 'tr.more', { n: traces.length - shown.length })}</p>`
        : html``;
    return html`${heading}${joinHtml(shown.map((x) => traceBlock(x, lang)))}${more}`;
  });
  return [
    {
      id: 'traces',
      title: 'Request traces',
      nav: 'Traces',
      html: html`<p>${tHtml(lang, 'tr.intro', {})}</p>${joinHtml(blocks)}`,
    },
  ];
}
