/**
 * The toolbar's progress bar and its line (a run, a challenge's check): where the engine is,
 * from the worker's checkpoints (protocol.ts RunProgress); hidden when nothing runs.
 */
import type { RunProgress } from './protocol.ts';

/** Shows `p` under the toolbar's progress bar (undefined: nothing runs, the bar hides). */
export function showProgress(p: RunProgress | undefined): void {
  const bar = document.getElementById('progress') as HTMLProgressElement | null;
  const text = document.getElementById('progress-text');
  if (bar === null || text === null) throw new Error('the page has no #progress');
  bar.hidden = p === undefined;
  if (p === undefined) {
    text.textContent = '';
    return;
  }
  bar.value = (p.index + Math.min(1, p.simMs / p.durationMs)) / p.of;
  text.textContent = `${p.variant} (${p.index + 1}/${p.of}) ${(p.simMs / 1000).toFixed(1)} / ${(p.durationMs / 1000).toFixed(0)} s`;
}
