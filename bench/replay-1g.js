/**
 * The bounded-memory check of replayed logs at full size (the test suite checks ~24 MB): writes
 * a CSV of arrivals of about 1 GB (or --mb N) into a fresh temporary folder, then, in this
 * process, checks it as `msasim run` does (the whole pass over every row before a run) and
 * streams every arrival through the reader the model pulls from. Prints the rows, the speed and
 * the peak RSS of this process, then deletes the folder. A reader that held the file would need
 * several GB; the streaming one stays under ~100 MB whatever the size.
 *
 *   npm run build && node bench/replay-1g.js [--mb 1024]
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

const dir = await mkdtemp(join(tmpdir(), 'msasim-replay-1g-'));
try {
  const path = join(dir, 'log.csv');
  const t0 = performance.now();
  let rows = 0;
  await new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    out.write('time,endpoint,user\n');
    let bytes = 0;
    const endpoints = ['web/home', 'web/search', ''];
    const more = () => {
      while (bytes < mb * 1024 * 1024) {
        const lines = [];
        for (let k = 0; k < 10_000; k++, rows++)
          lines.push(`${(rows / 1000).toFixed(3)},${endpoints[rows % 3]},u${rows % 997}`);
        const chunk = `${lines.join('\n')}\n`;
        bytes += chunk.length;
        if (!out.write(chunk)) return out.once('drain', more);
      }
      out.end(resolve);
    };
    more();
  });
  const written = performance.now();
  process.stderr.write(
    `wrote ${rows} rows (${mb} MB) in ${((written - t0) / 1000).toFixed(1)} s\n`,
  );
  const scenario = `version: 1
name: replay-1g
duration: 1s
workloads:
  log: { replay: { file: log.csv, endpoint: endpoint, key: user }, mix: { web/home: 1, web/search: 1 } }
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
