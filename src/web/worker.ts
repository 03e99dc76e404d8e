/**
 * The playground's Web Worker: validates scenario text as the user types, and runs scenarios
 * (run-scenario.ts): the page asks one worker for the plan (how many variants and replications),
 * spreads the variants over its run workers (`variant`, a range of replications each), asks
 * where a precision target stands after each round (`precision`) and has the first build the
 * report of all their results (`report`). One request at a time per worker; the page cancels by terminating the
 * worker. Any error that is not the user's (a bug, memory) is sent back as `crashed` with its
 * message; the command's wall budget running out before a run is a guard, not a crash.
 */
// first: zod's settings are read as its schemas are made (worker-setup.ts)
import './worker-setup.ts';
import type { VegaAssets } from '../report/html/page.ts';
import type { FromWorker, RunProgress, ToWorker } from './protocol.ts';
import { buildReport, checkText, planText, precisionCheck, runVariant } from './run-scenario.ts';
import { runSpof } from './spof.ts';
import { planSweep, runSweepPoint, sweepFiles } from './sweep.ts';

const scope = globalThis as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
};

let assets: VegaAssets | undefined;

function post(message: FromWorker): void {
  scope.postMessage(message);
}

function needAssets(): VegaAssets {
  if (assets === undefined) throw new Error('the worker was not given the vega libraries');
  return assets;
}

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'init') {
    assets = message.assets;
    return;
  }
  const { id } = message;
  const progress = (p: RunProgress) => post({ type: 'progress', id, progress: p });
  try {
    switch (message.type) {
      case 'validate':
        post({ type: 'validated', id, ...checkText(message.text, message.file) });
        return;
      case 'plan':
        post({ type: 'planned', id, plan: await planText(message.request) });
        return;
      case 'variant':
        post({
          type: 'ran',
          id,
          outcome: await runVariant(
            message.request,
            message.index,
            progress,
            {},
            undefined,
            message.range,
          ),
        });
        return;
      case 'precision':
        post({
          type: 'precision',
          id,
          state: precisionCheck(message.request, message.runs, message.replications),
        });
        return;
      case 'sweep-plan':
        post({ type: 'sweep-planned', id, planned: await planSweep(message.sweep) });
        return;
      case 'sweep-point':
        post({
          type: 'sweep-point',
          id,
          outcome: await runSweepPoint(message.sweep, message.planned, message.index, () => {}),
        });
        return;
      case 'sweep-report':
        post({
          type: 'sweep-reported',
          id,
          ...sweepFiles(message.plan, message.texts, needAssets()),
        });
        return;
      case 'spof':
        post({
          type: 'spof-done',
          id,
          outcome: await runSpof(message.spof, needAssets(), () => {}),
        });
        return;
      case 'report': {
        const { files, notes } = buildReport(
          message.request,
          message.runs,
          needAssets(),
          message.replications,
          message.notes,
        );
        post({ type: 'reported', id, files, notes });
        return;
      }
    }
  } catch (e) {
    const err = e as Error;
    if (err?.name === 'RunGuardError' && message.type === 'variant')
      post({ type: 'ran', id, outcome: { kind: 'stopped', message: err.message } });
    else if (err?.name === 'RunGuardError' && message.type === 'sweep-point')
      post({ type: 'sweep-point', id, outcome: { stopped: err.message } });
    else if (err?.name === 'RunGuardError' && message.type === 'spof')
      post({ type: 'spof-done', id, outcome: { kind: 'stopped', message: err.message } });
    else post({ type: 'crashed', id, message: String(err?.stack ?? err) });
  }
}

scope.onmessage = (event) => {
  void handle(event.data);
};
