/**
 * The playground's Web Worker: validates scenario text as the user types and runs scenarios
 * (run-scenario.ts), so the page never freezes. One request at a time per worker; the page
 * cancels a run by terminating the worker and starting a new one. Any error that is not the
 * user's (a bug, memory) is sent back as `crashed` with its message.
 */
import type { VegaAssets } from '../report/html/page.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { runRequest, validateText } from './run-scenario.ts';

const scope = globalThis as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
};

let assets: VegaAssets | undefined;

function post(message: FromWorker): void {
  scope.postMessage(message);
}

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'init') {
    assets = message.assets;
    return;
  }
  const { id } = message;
  try {
    if (message.type === 'validate') {
      post({ type: 'validated', id, issues: validateText(message.text, message.file) });
      return;
    }
    if (assets === undefined) throw new Error('the worker was not given the vega libraries');
    const outcome = await runRequest(message.request, assets, (progress) =>
      post({ type: 'progress', id, progress }),
    );
    post({ type: 'finished', id, outcome });
  } catch (e) {
    const err = e as Error;
    // a RunGuardError (the command's wall budget before a run) is a guard, not a crash
    if (err?.name === 'RunGuardError')
      post({ type: 'finished', id, outcome: { kind: 'stopped', message: err.message } });
    else post({ type: 'crashed', id, message: String(err?.stack ?? err) });
  }
}

scope.onmessage = (event) => {
  void handle(event.data);
};
