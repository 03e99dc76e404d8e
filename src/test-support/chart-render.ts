/**
 * A report page's charts drawn in Node, as the page's script draws them in the browser
 * (report/html/layout.ts: `vegaEmbed(el, spec, { actions: false, renderer: 'svg', ast: true })`)
 * but without a browser: vega-embed's own steps — vega-lite compiles the spec with a logger at
 * the Warn level, vega parses the result with `ast: true` and a View runs it with the expression
 * interpreter vega-embed bundles (vega-interpreter, the same package version) — then vega's SVG
 * string renderer draws it: the same scenegraph and the same SVG elements as the DOM renderer, for
 * the same libraries the page inlines (vega, vega-lite from node_modules). What the browser would
 * show as a console warning or error is collected, and every file or URL the chart asks for is
 * refused and recorded (the browser test refuses every request but the page's), and so is every
 * attribute holding NaN, Infinity or undefined (Chromium logs an error for each). The one thing
 * that differs is text measuring: without a canvas vega estimates text widths, so a chart's
 * width (and, where labels wrap, its height) may differ by some pixels from Chromium's; its marks
 * do not (report.browser.test.ts checks both on the pages it draws in Chromium).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { packageRoot } from '../cli/vega-assets.ts';

/** A chart of a page: its element id and vega-lite spec (the page's #msasim-charts entries). */
export interface PageChartSpec {
  id: string;
  spec: TopLevelSpec;
}

/** What drawing one chart gave. */
export interface DrawnChart {
  /** Elements the selector of the browser tests finds: path, line and text children of a mark group. */
  marks: number;
  /**
   * The fill and stroke colours of the SVG's elements, in document order (marks, then legends):
   * two drawings with the same list colour the same marks alike, in the same order.
   */
  colours: string[];
  /** The SVG's size, px. */
  width: number;
  height: number;
  /** The warnings and errors vega-lite and vega logged, and any error thrown. */
  problems: string[];
  /** Every file or URL the chart asked for (each refused). */
  loads: string[];
}

/** The charts a page draws: the JSON of its #msasim-charts script (layout.ts writes it). */
export function pageCharts(html: string): PageChartSpec[] {
  const json = html.match(
    /<script type="application\/json" id="msasim-charts">([\s\S]*?)<\/script>/,
  );
  if (json === null) throw new Error('the page has no #msasim-charts script');
  return JSON.parse(json[1]) as PageChartSpec[];
}

type Interpreter = NonNullable<ConstructorParameters<typeof vega.View>[1]>['expr'];

let interpreter: Promise<Interpreter> | undefined;

/** vega-interpreter as vega-embed resolves it (a dependency of vega-embed, not of msasim). */
function expressionInterpreter(): Promise<Interpreter> {
  interpreter ??= (async () => {
    const fromEmbed = createRequire(join(packageRoot('vega-embed'), 'package.json'));
    const url = pathToFileURL(fromEmbed.resolve('vega-interpreter')).href;
    return ((await import(url)) as { expressionInterpreter: Interpreter }).expressionInterpreter;
  })();
  return interpreter;
}

/** An open `<g>` whose class names a mark (vega's `mark-rect`, `mark-line`, …). */
const MARK = 'g.mark';

/**
 * The number of path, line and text elements whose parent is a `<g class="…mark-…">`: what
 * `svg g[class*="mark-"] > path, … > line, … > text` selects in the browser.
 */
export function countMarks(svg: string): number {
  let marks = 0;
  const open: string[] = [];
  for (const [, close, tag, attributes, selfClosing] of svg.matchAll(
    /<(\/?)([A-Za-z]+)([^>]*?)(\/?)>/g,
  )) {
    if (close) {
      open.pop();
      continue;
    }
    if (open.at(-1) === MARK && ['path', 'line', 'text'].includes(tag)) marks++;
    if (!selfClosing) open.push(tag === 'g' && /\sclass="[^"]*mark-/.test(attributes) ? MARK : tag);
  }
  return marks;
}

/**
 * The attributes of `svg` holding NaN, Infinity or undefined (a path through a missing value, a
 * bar of infinite width): the DOM renderer sets them all the same and Chromium logs an error for
 * each ("<path> attribute d: Expected number"), which the browser test counts as a problem.
 * Labels for assistive technology (aria-*) and names (class, role, id) are text, not read as numbers.
 */
export function unparsableAttributes(svg: string): string[] {
  const found: string[] = [];
  for (const [, tag, attributes] of svg.matchAll(/<([A-Za-z]+)([^>]*)>/g))
    for (const [, name, value] of attributes.matchAll(/([\w:-]+)="([^"]*)"/g))
      if (!/^(?:aria-.*|class|role|id)$/.test(name) && /NaN|Infinity|undefined/.test(value))
        found.push(`error: <${tag}> attribute ${name}: ${value.slice(0, 60)}`);
  return found;
}

/** Whether vega `version` runs a spec compiled for vega `wanted` (vega-embed's `^wanted`). */
function satisfiesCaret(version: string, wanted: string): boolean {
  const [a, b] = [version, wanted].map((v) => v.split('.').map((n) => Number.parseInt(n, 10)));
  if (a[0] !== b[0]) return false;
  for (let i = 1; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

/** Draws `spec` as the report page does (see the header), in Node. */
export async function drawChart(spec: TopLevelSpec): Promise<DrawnChart> {
  const problems: string[] = [];
  const loads: string[] = [];
  const logger = vega.logger(vega.Warn);
  logger.warn = (...args: readonly unknown[]) => {
    problems.push(`warning: ${args.join(' ')}`);
    return logger;
  };
  logger.error = (...args: readonly unknown[]) => {
    problems.push(`error: ${args.join(' ')}`);
    return logger;
  };
  const refuse = async (uri: unknown): Promise<never> => {
    loads.push(String(uri));
    throw new Error(`refused: ${String(uri)}`);
  };
  const loader = { ...vega.loader(), load: refuse, sanitize: refuse, http: refuse, file: refuse };
  try {
    const compiled = compile(spec, { logger }).spec;
    const version = /v(\d+(?:\.\d+)*)/.exec(compiled.$schema ?? '')?.[1];
    if (version !== undefined && !satisfiesCaret(vega.version, version))
      problems.push(`warning: the compiled spec uses Vega ${version}, not ${vega.version}`);
    const view = new vega.View(vega.parse(compiled, {}, { ast: true }), {
      loader: loader as unknown as vega.Loader,
      logger,
      renderer: 'none',
      expr: await expressionInterpreter(),
    });
    const svg = await view.toSVG();
    view.finalize();
    problems.push(...unparsableAttributes(svg));
    const size = /^<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg);
    return {
      marks: countMarks(svg),
      colours: [...svg.matchAll(/\s(?:fill|stroke)="(#[0-9a-fA-F]{3,8}|rgb[^"]*)"/g)].map(
        (m) => m[1],
      ),
      width: Number(size?.[1] ?? 0),
      height: Number(size?.[2] ?? 0),
      problems,
      loads,
    };
  } catch (e) {
    problems.push(`thrown: ${(e as Error).message}`);
    return { marks: 0, colours: [], width: 0, height: 0, problems, loads };
  }
}
