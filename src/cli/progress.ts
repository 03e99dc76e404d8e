/**
 * Progress bars on stderr (cli-progress), drawn only when stderr is a terminal and --quiet is
 * not given: silent in pipes, CI and tests. They only read counters and the wall clock, so they
 * never change what a run computes or writes. `run`/`compare` show one bar per variant
 * (simulated time / duration, events/s), one after the other, or all at once while worker
 * threads run replications (`--jobs`); `sweep` one bar of grid points (runs/s, ETA).
 */
import cliProgress from 'cli-progress';
import type { Lang } from '../report/i18n/lang.ts';

/** The bar of one variant of `msasim run`: simulated time over all its replications. */
export interface VariantBar {
  /** `simulatedMs` so far over every replication of the variant; `eventsPerSec` of the current run. */
  update(simulatedMs: number, eventsPerSec: number, replication: number): void;
  /** Leaves the bar's last line on screen. */
  stop(): void;
}

/** Starts bars for the variants of a run, one after the other (or together: `stop` ends them). */
export interface RunProgress {
  variant(label: string, totalMs: number, replications: number): VariantBar;
  /** Leaves every bar's last line on screen (the bars of a run with worker threads). */
  stop(): void;
}

/** Whether bars are drawn: stderr is a terminal and the user did not ask for quiet. */
export function progressWanted(quiet: boolean | undefined): boolean {
  return quiet !== true && process.stderr.isTTY === true;
}

/** The line of a variant's bar (cli-progress's format) in `lang`. */
export function runBarFormat(lang: Lang = 'en'): string {
  return lang === 'ko'
    ? '{label} [{bar}] 시뮬레이션 {sim}/{total_s} s | 초당 이벤트 {eps}{reps}'
    : '{label} [{bar}] {sim}/{total_s} s simulated | {eps} events/s{reps}';
}

/** The replication part of a variant's bar: empty for one replication. */
export function runBarReplication(r: number, replications: number, lang: Lang = 'en'): string {
  if (replications <= 1) return '';
  return lang === 'ko' ? ` | 복제 ${r}/${replications}` : ` | replication ${r}/${replications}`;
}

/** The line of a sweep's bar in `lang`. */
export function sweepBarFormat(lang: Lang = 'en'): string {
  return lang === 'ko'
    ? 'sweep [{bar}] 점 {value}/{total} | 초당 실행 {rate} | 남은 시간 {remaining}'
    : 'sweep [{bar}] {value}/{total} points | {rate} runs/s | ETA {remaining}';
}

/**
 * Bars for `msasim run`/`compare` (their words in `lang`); undefined when none are wanted. `together`: every variant's
 * bar is on screen at once (replications run on worker threads), else one after the other.
 */
export function createRunProgress(
  quiet: boolean | undefined,
  together = false,
  lang: Lang = 'en',
): RunProgress | undefined {
  if (!progressWanted(quiet)) return undefined;
  const options = (label: string, totalMs: number, replications: number) => ({
    format: runBarFormat(lang),
    payload: (simMs: number, eps: number, r: number) => ({
      label,
      total_s: (totalMs / 1000).toFixed(1),
      sim: (simMs / 1000).toFixed(1),
      eps: eps > 0 ? formatRate(eps) : '—',
      reps: runBarReplication(r, replications, lang),
    }),
  });
  const look = { stream: process.stderr, barsize: 24, hideCursor: true, fps: 5 };
  const multi = together
    ? new cliProgress.MultiBar(look, cliProgress.Presets.shades_classic)
    : undefined;
  return {
    variant(label, totalMs, replications) {
      const { format, payload } = options(label, totalMs, replications);
      if (multi !== undefined) {
        const bar = multi.create(totalMs, 0, payload(0, 0, 1), { format });
        return {
          update: (simMs, eps, r) => bar.update(simMs, payload(simMs, eps, r)),
          stop: () => bar.stop(),
        };
      }
      const bar = new cliProgress.SingleBar(
        { ...look, format },
        cliProgress.Presets.shades_classic,
      );
      bar.start(totalMs, 0, payload(0, 0, 1));
      return {
        update: (simMs, eps, r) => bar.update(simMs, payload(simMs, eps, r)),
        stop: () => bar.stop(),
      };
    },
    stop: () => multi?.stop(),
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
 * undefined when none is wanted. Its words are in `lang`.
 */
export function createSweepProgress(
  total: number,
  done: number,
  quiet: boolean | undefined,
  lang: Lang = 'en',
): SweepProgress | undefined {
  if (!progressWanted(quiet)) return undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: sweepBarFormat(lang),
      barsize: 30,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let runs = 0;
  let points = done;
  // rate and ETA from this invocation's own runs and points (resumed points took no time here)
  const payload = () => {
    const elapsedS = (performance.now() - started) / 1000;
    const finished = points - done;
    const eta = finished === 0 ? '—' : formatSeconds((elapsedS / finished) * (total - points));
    return { rate: runs === 0 ? '—' : formatRate(runs / elapsedS), remaining: eta };
  };
  bar.start(total, done, payload());
  return {
    runDone() {
      runs++;
      bar.update(points, payload());
    },
    pointDone() {
      points++;
      bar.update(points, payload());
    },
    stop: () => bar.stop(),
  };
}

/** 42 → "42s", 754 → "12m34s", 7300 → "2h01m". */
function formatSeconds(s: number): string {
  const t = Math.round(s);
  if (t < 60) return `${t}s`;
  if (t < 3600) return `${Math.floor(t / 60)}m${String(t % 60).padStart(2, '0')}s`;
  return `${Math.floor(t / 3600)}h${String(Math.floor((t % 3600) / 60)).padStart(2, '0')}m`;
}

/** 4_200_000 → "4.2M", 950 → "950", 3.25 → "3.3". */
function formatRate(x: number): string {
  if (x >= 1e6) return `${(x / 1e6).toFixed(1)}M`;
  if (x >= 1e4) return `${Math.round(x / 1e3)}k`;
  if (x >= 100) return String(Math.round(x));
  return x.toFixed(1);
}
