/**
 * The playground's Web Worker: validates scenario text as the user types, and runs scenarios
 * (run-scenario.ts): the page asks one worker for the plan (how many variants and replications),
 * spreads the variants over its run workers (`variant`, a range of replications each), asks
 * where a precision target stands after each round (`precision`) and has the first build the
 * report of all their results (`report`); it checks a challenge's attempt (`challenge`,
 * challenge.ts) as `msasim challenge` does. One request at a time per worker; the page cancels by terminating the
 * worker. Any error that is not the user's (a bug, memory) is sent back as `crashed` with its
 * message; the command's wall budget running out before a run is a guard, not a crash.
 * answer() does the work and failed() words a throw; handle() adds the request's id and posts.
 */
// first: zod's settings are read as its schemas are made (worker-setup.ts)
import './worker-setup.ts';
import type { VegaAssets } from '../report/html/page.ts';
import type { Lang } from '../report/i18n/lang.ts';
import { checkAttempt } from './challenge.ts';
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

/** `T` without its `id`, member by member of a union. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
/** An answer to the page, before handle() gives it the request's id. */
type Answer = WithoutId<FromWorker>;
/** A request of the page (every one but `init`, which answers nothing). */
type Request = Exclude<ToWorker, { type: 'init' }>;

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'init') {
    assets = message.assets;
    return;
  }
  const { id } = message;
  const progress = (p: RunProgress) => post({ type: 'progress', id, progress: p });
  try {
    post({ ...(await answer(message, progress)), id });
  } catch (e) {
    post({ ...failed(message, e as Error), id });
  }
}

/** Does what `message` asks and says what came of it. */
async function answer(message: Request, progress: (p: RunProgress) => void): Promise<Answer> {
  switch (message.type) {
    case 'validate':
      return { type: 'validated', ...checkText(message.text, message.file) };
    case 'plan':
      return { type: 'planned', plan: await planText(message.request) };
    case 'variant': {
      const { request, index, range } = message;
      return {
        type: 'ran',
        outcome: await runVariant(request, index, progress, {}, undefined, range),
      };
    }
    case 'precision':
      return {
        type: 'precision',
        state: precisionCheck(message.request, message.runs, message.replications),
      };
    case 'sweep-plan':
      return { type: 'sweep-planned', planned: await planSweep(message.sweep) };
    case 'sweep-point': {
      const { sweep, planned, index } = message;
      return { type: 'sweep-point', outcome: await runSweepPoint(sweep, planned, index, () => {}) };
    }
    case 'sweep-report':
      return {
        type: 'sweep-reported',
        ...sweepFiles(message.plan, message.texts, needAssets(), message.lang),
      };
    case 'spof':
      return { type: 'spof-done', outcome: await runSpof(message.spof, needAssets(), () => {}) };
    case 'challenge':
      return { type: 'checked', outcome: await checkAttempt(message.check, progress) };
    case 'report': {
      const { request, runs, replications, notes } = message;
      return { type: 'reported', ...buildReport(request, runs, needAssets(), replications, notes) };
    }
  }
}

/**
 * The answer when `message` threw `err`: a run that ran out of its budget (RunGuardError) is
 * stopped, as the command line stops it; anything else is a crash, sent with its stack.
 */
function failed(message: Request, err: Error): Answer {
  if (err?.name === 'RunGuardError') {
    // in the page's language where the error has its words (a budget spent before a run)
    const ko = (err as Error & { ko?: string }).ko;
    const stopped = langOf(message) === 'ko' && ko !== undefined ? ko : err.message;
    if (message.type === 'variant')
      return { type: 'ran', outcome: { kind: 'stopped', message: stopped } };
    if (message.type === 'sweep-point') return { type: 'sweep-point', outcome: { stopped } };
    if (message.type === 'spof')
      return { type: 'spof-done', outcome: { kind: 'stopped', message: stopped } };
    if (message.type === 'challenge')
      return { type: 'checked', outcome: { kind: 'stopped', message: stopped } };
  }
  return { type: 'crashed', message: String(err?.stack ?? err) };
}

/** The page's language a request carries (English when it carries none). */
function langOf(message: Request): Lang {
  if (message.type === 'variant') return message.request.lang ?? 'en';
  if (message.type === 'sweep-point') return message.sweep.request.lang ?? 'en';
  if (message.type === 'spof') return message.spof.request.lang ?? 'en';
  if (message.type === 'challenge') return message.check.lang ?? 'en';
  return 'en';
}

scope.onmessage = (event) => {
  void handle(event.data);
};
