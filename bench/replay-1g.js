/**
 * The bounded-memory check of replayed logs at full size (the test suite checks ~24 MB): writes
 * a CSV of arrivals of about 1 GB (or --mb N) into a fresh temporary folder, then, in this
 * process, checks it as `msasim run` does (the whole pass over every row before a run) and
 * streams every arrival through the reader the model pulls from. Prints the rows, the speed and
 * the peak RSS of this process, then deletes the folder. A reader that held the file would need
 * several GB; the streaming one stays under ~100 MB whatever the size.
 *
 * With --otlp the file is an OTLP/JSON trace export instead (spans as msasim --trace writes
 * them: a root span per request with attributes and an event, and two child spans; the roots
 * slightly out of time order, so they are sorted): it streams through the JSON tokenizer once,
 * keeping 12 bytes per request (~ 1.5 M requests per GB: ~ 20 MB, plus the sort's index).
 *
 *   npm run build && node bench/replay-1g.js [--mb 1024] [--otlp]
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareWorkloadData } from '../dist/cli/workload-files.js';
import { parseScenario } from '../dist/model/language.js';

const i = process.argv.indexOf('--mb');
const mb = i > 0 ? Number(process.argv[i + 1]) : 1024;
if (!(mb > 0)) {
  process.stderr.write('usage: node bench/replay-1g.js [--mb N]\n');
  process.exit(2);
}

const otlp = process.argv.includes('--otlp');

/** Writes chunks from `next()` (null: done) to `path`, minding back-pressure. */
function writeChunks(path, first, next, last) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    out.write(first);
    const more = () => {
      for (;;) {
        const chunk = next();
        if (chunk === null) break;
        if (!out.write(chunk)) return out.once('drain', more);
      }
      out.end(last, resolve);
    };
    more();
  });
}

/** One request of the OTLP export: its root span and two children, as msasim --trace writes. */
function otlpRequest(i) {
  const hex = (n, len) => n.toString(16).padStart(len, '0');
  const trace = hex(i + 1, 32);
  // requests 1 ms apart, every 7th written 3 ms late (out of order)
  const start =
    1_700_000_000_000_000_000n + BigInt(i) * 1_000_000n + (i % 7 === 0 ? 3_000_000n : 0n);
  const span = (id, parent, name, kind, from, to) =>
    `{"traceId":"${trace}","spanId":"${hex(i * 4 + id, 16)}",${parent === 0 ? '' : `"parentSpanId":"${hex(i * 4 + parent, 16)}",`}"name":"${name}","kind":${kind},"startTimeUnixNano":"${from}","endTimeUnixNano":"${to}","attributes":[{"key":"msasim.span","value":{"stringValue":"visit"}},{"key":"msasim.instance","value":{"intValue":${i % 3}}}],"droppedAttributesCount":0,"events":[{"attributes":[{"key":"msasim.detail","value":{"stringValue":"web/home"}}],"name":"retry","timeUnixNano":"${from + 500n}","droppedAttributesCount":0}],"droppedEventsCount":0,"status":{"code":0},"links":[],"droppedLinksCount":0,"flags":257}`;
  const name = ['web/home', 'web/search', 'GET /'][i % 3];
  return [
    span(1, 0, name, 3, start, start + 900_000n),
    span(2, 1, name, 2, start + 100_000n, start + 800_000n),
    span(3, 2, 'db', 3, start + 200_000n, start + 700_000n),
  ].join(',');
}

const dir = await mkdtemp(join(tmpdir(), 'msasim-replay-1g-'));
try {
  const path = join(dir, otlp ? 'log.json' : 'log.csv');
  const t0 = performance.now();
  let rows = 0;
  let bytes = 0;
  const limit = mb * 1024 * 1024;
  if (otlp)
    await writeChunks(
      path,
      '{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"web"}}],"droppedAttributesCount":0},"scopeSpans":[{"scope":{"name":"msasim"},"spans":[\n',
      () => {
        if (bytes >= limit) return null;
        const parts = [];
        for (let k = 0; k < 1000; k++, rows++) parts.push(otlpRequest(rows));
        const chunk = `${rows > 1000 ? ',' : ''}${parts.join(',\n')}\n`;
        bytes += chunk.length;
        return chunk;
      },
      ']}]}]}\n',
    );
  else {
    const endpoints = ['web/home', 'web/search', ''];
    await writeChunks(
      path,
      'time,endpoint,user\n',
      () => {
        if (bytes >= limit) return null;
        const lines = [];
        for (let k = 0; k < 10_000; k++, rows++)
          lines.push(`${(rows / 1000).toFixed(3)},${endpoints[rows % 3]},u${rows % 997}`);
        const chunk = `${lines.join('\n')}\n`;
        bytes += chunk.length;
        return chunk;
      },
      '',
    );
  }
  const written = performance.now();
  process.stderr.write(
    `wrote ${rows} rows (${mb} MB) in ${((written - t0) / 1000).toFixed(1)} s\n`,
  );
  const scenario = `version: 1
name: replay-1g
duration: 1s
workloads:
  log: ${otlp ? '{ replay: { file: log.json }' : '{ replay: { file: log.csv, endpoint: endpoint, key: user }'}, mix: { web/home: 1, web/search: 1 } }
services:
  web:
    endpoints:
      home: { steps: [ { cpu: 1ms } ] }
      search: { steps: [ { cpu: 1ms } ] }
`;
  await writeFile(join(dir, 's.yaml'), scenario);
  const loaded = parseScenario(scenario, join(dir, 's.yaml'));
  const data = await prepareWorkloadData(loaded);
  const checked = performance.now();
  const source = data.of(null).arrivals('log');
  let n = 0;
  let last = -1;
  while (source.next()) {
    if (source.timeMs < last) throw new Error('arrivals out of order');
    last = source.timeMs;
    n++;
  }
  data.close();
  const streamed = performance.now();
  if (n !== rows) throw new Error(`streamed ${n} arrivals, expected ${rows}`);
  const peakMB = process.resourceUsage().maxRSS / 1024;
  const result = {
    format: otlp ? 'otlp' : 'csv',
    mb,
    rows,
    checkS: (checked - written) / 1000,
    streamS: (streamed - checked) / 1000,
    rowsPerSec: Math.round(rows / ((streamed - checked) / 1000)),
    peakRssMB: Math.round(peakMB),
  };
  process.stdout.write(
    `checked ${rows} rows in ${result.checkS.toFixed(1)} s, streamed them in ${result.streamS.toFixed(1)} s (${result.rowsPerSec} rows/s); peak RSS ${result.peakRssMB} MB\n${JSON.stringify(result)}\n`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
