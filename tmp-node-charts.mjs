import { readFileSync } from 'node:fs';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
const list = readFileSync('/tmp/ts-runs/list.txt', 'utf8').trim().split('\n');
const t0 = performance.now(); const u0 = process.cpuUsage();
let n = 0, marks = 0;
for (const f of list) {
  const html = readFileSync(`/tmp/ts-runs/${f.replaceAll('/', '~')}/index.html`, 'utf8');
  const m = html.match(/<script type="application\/json" id="msasim-charts">([\s\S]*?)<\/script>/);
  const charts = JSON.parse(m[1]);
  const t = performance.now();
  for (const c of charts) {
    const warns = [];
    const logger = vega.logger(vega.Warn); logger.warn = (...a) => { warns.push(a.join(' ')); return logger; }; logger.error = (...a) => { warns.push('E ' + a.join(' ')); return logger; };
    const vg = compile(c.spec, { logger }).spec;
    const view = new vega.View(vega.parse(vg, {}, { ast: true }), { renderer: 'none', logger, expr: expressionInterpreter, loader: { load: () => { throw new Error('no'); }, sanitize: () => { throw new Error('no'); } } });
    const svg = await view.toSVG();
    view.finalize();
    const k = (svg.match(/<g class="mark-[^"]*"[^>]*>(<path|<line|<text)/g) ?? []).length;
    marks += k; n++;
    if (warns.length) console.log(f, c.id, warns);
  }
  console.log(((performance.now() - t) / 1000).toFixed(2), charts.length, f);
}
const u = process.cpuUsage(u0);
console.log('charts', n, 'wall', ((performance.now() - t0) / 1000).toFixed(1), 'cpu', ((u.user + u.system) / 1e6).toFixed(1));
