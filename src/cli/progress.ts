/**
 * Progress bars on stderr (cli-progress), drawn only when stderr is a terminal and --quiet is
 * not given: silent in pipes, CI and tests. They only read counters and the wall clock, so they
 * never change what a run computes or writes. `run`/`compare` show one bar per variant
 * (simulated time / duration, events/s); `sweep` one bar of grid points (runs/s, ETA).
 */
import cliProgress from 'cli-progress';

/** The bar of one variant of `msasim run`: simulated time over all its replications. */
export interface VariantBar {
  /** `simulatedMs` so far over every replication of the variant; `eventsPerSec` of the current run. */
  update(simulatedMs: number, eventsPerSec: number, replication: number): void;
  /** Leaves the bar's last line on screen. */
  stop(): void;
}

/** Starts bars for the variants of a run, one after the other. */
export interface RunProgress {
  variant(label: string, totalMs: number, replications: number): VariantBar;
}

/** Whether bars are drawn: stderr is a terminal and the user did not ask for quiet. */
export function progressWanted(quiet: boolean | undefined): boolean {
  return quiet !== true && process.stderr.isTTY === true;
}

/** Bars for `msasim run`/`compare`; undefined when none are wanted. */
export function createRunProgress(quiet: boolean | undefined): RunProgress | undefined {
  if (!progressWanted(quiet)) return undefined;
  return {
    variant(label, totalMs, replications) {
      const bar = new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: `{label} [{bar}] {sim}/{total_s} s simulated | {eps} events/s{reps}`,
          barsize: 24,
          hideCursor: true,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      const payload = (simMs: number, eps: number, r: number) => ({
        label,
        sim: (simMs / 1000).toFixed(1),
        total_s: (totalMs / 1000).toFixed(1),
        eps: formatRate(eps),
        reps: replications > 1 ? ` | replication ${r}/${replications}` : '',
      });
      bar.start(totalMs, 0, payload(0, 0, 1));
      return {
        update: (simMs, eps, r) => bar.update(simMs, payload(simMs, eps, r)),
        stop: () => bar.stop(),
      };
    },
  };
}

/** The bar of a sweep. */
export interface SweepProgress {
  /** A run (one replication of one variant) finished. */
  runDone(): void;
  /** A grid point (all its runs) finished and was saved. */
  pointDone(): void;
  stop(): void;
}

/**
 * The bar of a sweep of `total` points of which `done` were finished before (--resume);
 * undefined when none is wanted.
 */
export function createSweepProgress(
  total: number,
  done: number,
  quiet: boolean | undefined,
): SweepProgress | undefined {
  if (!progressWanted(quiet)) return undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'sweep [{bar}] {value}/{total} points | {rate} runs/s | ETA {eta_formatted}',
      barsize: 30,
      hideCursor: true,
      etaBuffer: 20,
      progressCalculationRelative: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let runs = 0;
  let points = done;
  const rate = () => formatRate(runs / Math.max((performance.now() - started) / 1000, 1e-3));
  bar.start(total, done, { rate: '—' });
  return {
    runDone() {
      runs++;
      bar.update(points, { rate: rate() });
    },
    pointDone() {
      points++;
      bar.update(points, { rate: rate() });
    },
    stop: () => bar.stop(),
  };
}

/** 4_200_000 → "4.2M", 950 → "950", 3.25 → "3.3". */
function formatRate(x: number): string {
  if (x >= 1e6) return `${(x / 1e6).toFixed(1)}M`;
  if (x >= 1e4) return `${Math.round(x / 1e3)}k`;
  if (x >= 100) return String(Math.round(x));
  return x.toFixed(1);
}
