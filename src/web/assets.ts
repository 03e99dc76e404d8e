/**
 * The page's inlined data: the shipped scenarios, the workshop challenges, the JSON Schema, the vega libraries (handed to
 * the worker, which inlines them in every report as the CLI does) and the worker's code. In the
 * single file (`msasim playground`) each sits in its `<script data-inline>` element; in the
 * static folder (`npm run build:web`) the elements are empty and the files beside the page are
 * fetched.
 */
import type { VegaAssets } from '../report/html/page.ts';
import type { LessonLang } from '../scenario/lesson-types.ts';
import type { ShippedChallenge } from './challenge.ts';

/** A new element with its properties and children (text children are text nodes, never markup). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  Object.assign(e, props);
  e.append(...children);
  return e;
}

/** A shipped scenario with its lesson and the lesson's translations. */
export interface ShippedScenario {
  /** `scenarios/<path>` as the CLI is given it from the repository's folder. */
  file: string;
  text: string;
  lesson: string | null;
  /** `x.ko.md`, `x.en.md` beside the lesson, by language (absent: none). */
  translations?: Partial<Record<LessonLang, string>>;
}

async function inlined(id: string): Promise<{ text: string; inline: boolean; src: string }> {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`the page has no #${id}`);
  const src = el.dataset.inline ?? '';
  const text = el.textContent ?? '';
  if (text.trim() !== '') return { text, inline: true, src };
  const response = await fetch(src);
  if (!response.ok) throw new Error(`${src}: ${response.status} ${response.statusText}`);
  return { text: await response.text(), inline: false, src };
}

/** Everything the page loads once. */
export interface PageAssets {
  scenarios: ShippedScenario[];
  /** The workshop challenges (web/challenge.ts). */
  challenges: ShippedChallenge[];
  schema: unknown;
  vega: VegaAssets;
  /** Makes a new worker (from the inlined code, or worker.js beside the page). */
  newWorker(): Worker;
}

export async function loadAssets(): Promise<PageAssets> {
  const [scenarios, challenges, schema, vega, vegaLite, vegaEmbed, worker] = await Promise.all([
    inlined('msasim-scenarios'),
    inlined('msasim-challenges'),
    inlined('msasim-schema'),
    inlined('msasim-vega'),
    inlined('msasim-vega-lite'),
    inlined('msasim-vega-embed'),
    document.getElementById('msasim-worker')?.textContent?.trim()
      ? inlined('msasim-worker')
      : Promise.resolve({ text: '', inline: false, src: 'worker.js' }),
  ]);
  const workerUrl = worker.inline
    ? URL.createObjectURL(new Blob([worker.text], { type: 'text/javascript' }))
    : worker.src;
  return {
    scenarios: JSON.parse(scenarios.text) as ShippedScenario[],
    challenges: JSON.parse(challenges.text) as ShippedChallenge[],
    schema: JSON.parse(schema.text),
    vega: { vega: vega.text, vegaLite: vegaLite.text, vegaEmbed: vegaEmbed.text },
    newWorker: () => new Worker(workerUrl),
  };
}
