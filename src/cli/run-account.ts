/**
 * What `run` and `compare` say on stderr after a run (in the language of `--lang`): the one-line
 * account of requests, events, wall time, the simulation loop's speed and the files written.
 * The speed is events per second of the loop's main-thread CPU time (steadier than wall time
 * on a busy machine); with worker threads (`--jobs`), the loops' CPU and wall times are summed
 * over the threads, and the line says over how many. It changes from run to run, which is why it is printed here, on stderr,
 * and written into no output file (outputs are byte-identical for the same scenario and seed).
 */
import type { LoopTiming } from '../metrics/summary.ts';
import type { Lang } from '../report/i18n/lang.ts';
import { t } from '../report/i18n/t.ts';
import type { OutputFiles } from '../report/outputs.ts';
import { replicationsOf } from '../report/results.ts';
import type { VariantRuns } from './run-variants.ts';

/** "simulated 1200 requests (…) in 0.85 s wall; loop …; wrote … to …", with its newline. */
export function formatRunAccount(
  runs: VariantRuns,
  report: { files: OutputFiles; outDir: string },
  lang: Lang = 'en',
): string {
  const all = replicationsOf(runs.results).flat();
  const requests = all.reduce((a, s) => a + s.run.requests, 0);
  const events = all.reduce((a, s) => a + s.run.events, 0);
  const line = t(lang, 'run.account', {
    requests,
    events,
    wall: (runs.wallMs / 1000).toFixed(2),
    loop: formatLoop(runs.loop, lang, runs.threads),
    files: [...report.files.keys()].join(', '),
    dir: report.outDir,
  });
  return `${line}\n`;
}

/**
 * "loop 0.31 s CPU, 0.35 s wall, 6.45M events/s": the simulation loops' cost and speed; with
 * `threads` above 1, "loop 0.62 s CPU, 0.70 s wall summed over 3 threads, 6.45M events/s".
 */
export function formatLoop(loop: LoopTiming, lang: Lang = 'en', threads = 1): string {
  const perCpuS = loop.cpuMs > 0 ? loop.events / (loop.cpuMs / 1000) : 0;
  const rate = perCpuS >= 1e6 ? `${(perCpuS / 1e6).toFixed(2)}M` : `${Math.round(perCpuS / 1e3)}k`;
  return t(lang, threads > 1 ? 'run.loopThreads' : 'run.loop', {
    threads,
    cpu: (loop.cpuMs / 1000).toFixed(2),
    wall: (loop.wallMs / 1000).toFixed(2),
    rate,
  });
}
