/**
 * Runs one sweep benchmark case (`kind: 'sweep'` in bench/cases.js) and prints its figures as
 * one JSON line on stdout: `node bench/sweep.js <case>`. It times the built CLI,
 * `msasim sweep <file> --param … --duration … --workers k --quiet`, once for each worker count
 * of the case (one after the other, never two at once), each into a fresh temporary folder,
 * and checks that every worker count wrote the same sweep.json and sweep.csv bytes. The speed-up
 * is the wall time with the fewest workers ÷ the wall time with the most, of the whole process
 * (judged) and of the runs alone (after start-up and validation, as the CLI reports it).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { findCase } from './cases.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Runs the CLI with `args`; resolves to its wall time in ms and the wall time of the runs alone
 * (after start-up and validation: the "in X s wall" of its last line), rejects on failure.
 */
function timeCli(args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(root, 'bin', 'msasim'), ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const runs = / in ([\d.]+) s wall/.exec(err);
      if (code === 0)
        resolve({ wallMs: performance.now() - t0, runsMs: runs ? Number(runs[1]) * 1000 : null });
      else reject(new Error(`msasim ${args.join(' ')} exited ${code}: ${err.trim()}`));
    });
  });
}

async function main() {
  const c = findCase(process.argv[2]);
  if (c === undefined || c.kind !== 'sweep') {
    process.stderr.write('usage: node bench/sweep.js <sweep case>\n');
    process.exit(2);
  }
  const tmp = await mkdtemp(join(tmpdir(), 'msasim-bench-sweep-'));
  try {
    const walls = [];
    const runWalls = [];
    const outputs = [];
    for (const workers of c.workers) {
      const out = join(tmp, `workers-${workers}`);
      const args = ['sweep', c.file, ...c.params.flatMap((p) => ['--param', p])];
      args.push('--duration', `${c.durationS}s`, '--workers', String(workers), '--out', out);
      const t = await timeCli([...args, '--quiet']);
      walls.push(t.wallMs);
      runWalls.push(t.runsMs);
      outputs.push(
        (await readFile(join(out, 'sweep.json'), 'utf8')) +
          (await readFile(join(out, 'sweep.csv'), 'utf8')),
      );
    }
    const json = JSON.parse(
      await readFile(join(tmp, `workers-${c.workers[0]}`, 'sweep.json'), 'utf8'),
    );
    const result = {
      case: c.name,
      kind: 'sweep',
      points: json.points.length / new Set(json.points.map((p) => p.variant)).size,
      workers: c.workers,
      wallMs: walls,
      speedup: walls[0] / walls.at(-1),
      runsWallMs: runWalls,
      runsSpeedup: runWalls[0] / runWalls.at(-1),
      identical: outputs.every((o) => o === outputs[0]),
      cpus: availableParallelism(),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

await main();
