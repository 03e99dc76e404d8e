/**
 * One-process A/B of two builds (bench/README, fifth and sixth rounds): `node bench/ab.js <dirA>
 * <dirB> <mm1|shop> <rounds> [seconds] [rate]`. Loads each build's dist/ (a worktree or a copy holding
 * dist/ and scenarios/), then runs both builds' Model.run() on M/M/1 (no warm-up, default 250 s)
 * or the shop (default 100 s; `rate` replaces its 1,000 requests/s) alternately, A then B in even rounds and B then A in odd ones,
 * and prints the median of B's main-thread CPU ÷ A's per round, overall and by order (one order
 * alone is biased by a few per cent), after dropping the first round (JIT warm-up). Each
 * round's summaries are compared too: "SUMMARY DIFFERS" flags a change of outputs.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';

const [dirA, dirB, which, roundsText, secondsText, rateText] = process.argv.slice(2);
if (dirB === undefined || (which !== 'mm1' && which !== 'shop')) {
  process.stderr.write(
    'usage: node bench/ab.js <dirA> <dirB> <mm1|shop> <rounds> [seconds] [rate]\n',
  );
  process.exit(2);
}
const rounds = Number(roundsText ?? 16);
const file = which === 'mm1' ? 'scenarios/validation/mm1.yaml' : 'scenarios/shop.yaml';
const seconds = Number(secondsText ?? (which === 'mm1' ? 250 : 100));

/** A function running one fresh model of build `dir`: [loop CPU ms, summary JSON]. */
async function load(dir) {
  const at = (f) => join(resolve(dir), f);
  const { parseScenario } = await import(at('dist/model/language.js'));
  const { Model } = await import(at('dist/model/model.js'));
  const { prepareHistograms } = await import(at('dist/metrics/histogram.js'));
  const { summarizeMetrics } = await import(at('dist/metrics/summary.js'));
  const { threadCpuMs } = await import(at('dist/cli/cpu-time.js'));
  await prepareHistograms();
  const doc = parseDocument(await readFile(at(file), 'utf8'));
  doc.set('duration', `${seconds}s`);
  if (which === 'mm1') doc.set('warmup', '0s');
  if (which === 'shop' && rateText !== undefined)
    doc.setIn(['workloads', 'shoppers', 'rate'], `${rateText}/s`);
  const scenario = parseScenario(doc.toString(), file).variants[0];
  return () => {
    const model = new Model(scenario, { seed: scenario.seed });
    const before = threadCpuMs();
    model.run();
    const cpu = threadCpuMs() - before;
    const summary = JSON.stringify(summarizeMetrics(model.metrics, model.sim.now));
    model.metrics.dispose();
    return [cpu, summary];
  };
}

const runA = await load(dirA);
const runB = await load(dirB);
const ratios = [];
for (let r = 0; r < rounds; r++) {
  const [a, b] = r % 2 === 0 ? [runA(), runB()] : [runB(), runA()].reverse();
  if (a[1] !== b[1]) process.stdout.write('SUMMARY DIFFERS\n');
  if (r > 0) ratios.push(b[0] / a[0]);
}
const median = (xs) => [...xs].sort((p, q) => p - q)[xs.length >> 1];
const inOrder = (parity) => ratios.filter((_, i) => (i + 1) % 2 === parity);
process.stdout.write(
  `${JSON.stringify({
    which,
    rounds: ratios.length,
    ratioBoverA: median(ratios).toFixed(3),
    orderAB: median(inOrder(0)).toFixed(3),
    orderBA: median(inOrder(1)).toFixed(3),
  })}\n`,
);
