/**
 * Runs one `kind: 'cli'` benchmark case (bench/cases.js) and prints its figures as one JSON
 * line on stdout: `node bench/cli-case.js <case>`. It runs the whole command, `msasim run
 * <file> --duration <d> --out <fresh temporary folder> --quiet`, in this process (the built
 * CLI's main(), as bin/msasim runs it), so the peak RSS read at the end covers everything a
 * user's run holds: the simulation, the summary, and the report files being built and written
 * (where a long run's per-second series used to cost gigabytes). The scenario's rate can be
 * changed (`rate`, on a copy of the file in the temporary folder). The folder is removed after.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { main } from '../dist/cli/main.js';
import { findCase } from './cases.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const c = findCase(process.argv[2]);
if (c === undefined || c.kind !== 'cli') {
  process.stderr.write('usage: node bench/cli-case.js <case of kind cli>\n');
  process.exit(2);
}
const dir = await mkdtemp(join(tmpdir(), 'msasim-bench-'));
try {
  let file = join(root, c.file);
  if (c.rate !== undefined) {
    const doc = parseDocument(await readFile(file, 'utf8'));
    doc.setIn(['workloads', c.workload, 'rate'], c.rate);
    file = join(dir, 'scenario.yaml');
    await writeFile(file, doc.toString());
  }
  const out = join(dir, 'report');
  let err = '';
  const io = {
    out: () => {},
    err: (t) => {
      err += t;
    },
  };
  const t0 = performance.now();
  const code = await main(
    ['node', 'msasim', 'run', file, '--duration', `${c.durationS}s`, '--out', out, '--quiet'],
    io,
  );
  const t1 = performance.now();
  if (code !== 0) throw new Error(`msasim run exited with ${code}: ${err.trim()}`);
  // "simulated N requests (E events) in X s wall; loop C s CPU, W s wall, R events/s; …"
  const m = /simulated (\d+) requests \((\d+) events\).*loop ([\d.]+) s CPU, ([\d.]+) s wall/.exec(
    err,
  );
  if (m === null) throw new Error(`no closing line in: ${err.trim()}`);
  const sizes = {};
  for (const f of ['timeseries.csv', 'results.json', 'index.html'])
    sizes[f] = (await stat(join(out, f))).size;
  process.stdout.write(
    `${JSON.stringify({
      case: c.name,
      kind: 'cli',
      requests: Number(m[1]),
      events: Number(m[2]),
      loopCpuMs: Number(m[3]) * 1000,
      loopMs: Number(m[4]) * 1000,
      commandMs: t1 - t0,
      outputBytes: sizes,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
