/**
 * The faults a `--duration` other than the file's leaves without effect, said before a sweep
 * runs: a sweep prints no fault propagation, so a fault that starts at or after the shortened
 * run's end (or ends in its warm-up) would otherwise pass without a word, its points reading as
 * if the system had shrugged it off. (`run` and `compare` say it in their propagation section.)
 */
import { faultsNotFired, faultTimeline } from '../report/features/faults/propagation.ts';
import { notFiredText } from '../report/features/faults/propagation-report.ts';
import type { Lang } from '../report/i18n/lang.ts';
import { timeWords } from '../report/time-words.ts';
import { tooManyMerges } from '../scenario/check-replicated.ts';
import { tooManyWindows, withDuration } from '../scenario/fault-windows.ts';
import { LIMITS } from '../scenario/limits.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import { showCount } from '../scenario/messages-values.ts';
import type { Scenario } from '../scenario/types.ts';
import { UsageError } from './errors.ts';

/**
 * One line per fault of any variant that strikes nothing counted in a run of `durationMs` but
 * does in one of the file's duration.
 */
export function faultsIdleForDuration(
  loaded: LoadedScenario,
  durationMs: number,
  lang: Lang = 'en',
): string[] {
  const lines = new Set<string>();
  for (const variant of loaded.variants) {
    // those the file's own duration leaves out, validation has said already
    const own = faultsNotFired(
      variant.faults.map(faultTimeline),
      variant.warmupMs,
      variant.durationMs,
    );
    const said = new Set(own.map((f) => f.fault));
    const s = withDuration(variant, durationMs);
    for (const f of faultsNotFired(s.faults.map(faultTimeline), s.warmupMs, durationMs))
      if (!said.has(f.fault))
        lines.add(
          `--duration ${timeWords(durationMs)}: ${notFiredText(f, s.warmupMs, durationMs, lang)}`,
        );
  }
  return [...lines];
}

/**
 * What a --duration would make more of than a file may say: a fault's windows
 * (scenario/fault-windows.ts tooManyWindows) or the keys reconciliations merge
 * (scenario/check-replicated.ts tooManyMerges).
 */
export type TooMuchForDuration =
  | { fault: string; windows: number }
  | { data: string; merges: number };

/** The first thing of `variants` a run of `durationMs` would make too much of. */
export function tooMuchForDuration(
  variants: readonly Scenario[],
  durationMs: number,
): TooMuchForDuration | undefined {
  for (const v of variants) {
    const many = tooManyWindows(v, durationMs) ?? tooManyMerges(v, durationMs);
    if (many !== undefined) return many;
  }
  return undefined;
}

/**
 * Refuses a --duration under which a recurring fault would recur more often than a file may say
 * (LIMITS.faultWindows), or reconciliations would merge more keys (LIMITS.reconcileMerges):
 * `run`, `compare` and `sweep` exit 2 before any run.
 */
export function refuseTooMuchForDuration(
  many: TooMuchForDuration | undefined,
  durationMs: number,
): void {
  if (many === undefined) return;
  const d = timeWords(durationMs);
  const text = (lang: Lang) => {
    if ('data' in many) {
      const [n, max] = [showCount(many.merges), showCount(LIMITS.reconcileMerges)];
      return lang === 'ko'
        ? `--duration ${d}: 이 실행에서 조정이 병합하는 키가 최대 ${max}개를 넘습니다(복제 데이터 ${many.data}, ${n}개). 더 짧게 실행하거나, 파일에서 \`reconcile\` 주기를 늘리세요.`
        : `--duration ${d}: the reconciliations of replicated data ${many.data} would merge ${n} keys in the run; at most ${max}. Run for less, or make its \`reconcile\` longer in the file.`;
    }
    const [n, max] = [showCount(many.windows), showCount(LIMITS.faultWindows)];
    return lang === 'ko'
      ? `--duration ${d}: 이 실행에서 장애가 되풀이되는 횟수가 최대 ${max}번을 넘습니다(장애 ${many.fault}, ${n}번). 더 짧게 실행하거나, 파일에서 \`every\`를 늘리거나 \`times:\`를 주세요.`
      : `--duration ${d}: fault ${many.fault} would recur ${n} times in the run; at most ${max}. Run for less, or make its \`every\` longer or give it \`times:\` in the file.`;
  };
  throw new UsageError(text('en'), { ko: text('ko') });
}
