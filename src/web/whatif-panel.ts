/**
 * The what-if box of the playground (app.ts): a numeric parameter of the scenario picked from
 * the list whatif.ts finds, a range and a slider whose value every run then takes as an
 * override; moving the slider asks for a rerun once it rests, Clear forgets the value. The page
 * owns the rerun and the status line (hooks).
 */
import { el } from './assets.ts';
import type { WhatIf } from './protocol.ts';
import { type Said, ui } from './ui-words.ts';
import { defaultRange, numericParameters } from './whatif.ts';

/** What the box asks of the page. */
export interface WhatIfHooks {
  /** The editor's text (its numbers are the parameters). */
  text: () => string;
  /** The slider moved: run again once it rests. */
  rerun: () => void;
  /** A line under the toolbar. */
  message: (said: Said) => void;
}

function $<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (e === null) throw new Error(`the page has no #${id}`);
  return e as T;
}

export class WhatIfPanel {
  /** The value runs take, if one was set. */
  value: WhatIf | undefined;

  constructor(private readonly hooks: WhatIfHooks) {
    $('whatif-path').addEventListener('change', () => this.#pick());
    for (const id of ['whatif-min', 'whatif-max'])
      $(id).addEventListener('change', () => this.#applyRange());
    $('whatif-slider').addEventListener('input', () => this.#slide());
    $('whatif-clear').addEventListener('click', () => this.clear());
  }

  /** The parameters offered: the numbers of the editor's text. */
  refresh(): void {
    $('whatif-paths').replaceChildren(
      ...numericParameters(this.hooks.text()).map((p) =>
        el('option', { value: p.path, label: `${p.value}` }),
      ),
    );
  }

  /** Sets the box to `w` (a share link's value). */
  set(w: WhatIf): void {
    $<HTMLInputElement>('whatif-path').value = w.path;
    this.#pick();
    $<HTMLInputElement>('whatif-slider').value = String(w.value);
    $('whatif-value').textContent = String(w.value);
    this.value = w;
  }

  /** Forgets the value (saying so when `show`). */
  clear(show = true): void {
    this.value = undefined;
    $<HTMLInputElement>('whatif-path').value = '';
    $<HTMLInputElement>('whatif-slider').disabled = true;
    $('whatif-value').textContent = '';
    if (show) this.hooks.message((lang) => ui(lang, 'whatif.cleared'));
  }

  #pick(): void {
    const path = $<HTMLInputElement>('whatif-path').value.trim();
    const found = numericParameters(this.hooks.text()).find((p) => p.path === path);
    const value = found?.value ?? 1;
    const r = defaultRange(value);
    $<HTMLInputElement>('whatif-min').value = String(r.min);
    $<HTMLInputElement>('whatif-max').value = String(r.max);
    const slider = $<HTMLInputElement>('whatif-slider');
    slider.step = String(r.step);
    this.#applyRange();
    slider.value = String(value);
    slider.disabled = path === '';
    $('whatif-value').textContent = path === '' ? '' : String(value);
  }

  #applyRange(): void {
    const slider = $<HTMLInputElement>('whatif-slider');
    slider.min = $<HTMLInputElement>('whatif-min').value;
    slider.max = $<HTMLInputElement>('whatif-max').value;
  }

  /** The slider moved: a rerun with the new value once it rests. */
  #slide(): void {
    const path = $<HTMLInputElement>('whatif-path').value.trim();
    const value = Number($<HTMLInputElement>('whatif-slider').value);
    $('whatif-value').textContent = String(value);
    this.value = { path, value };
    this.hooks.rerun();
  }
}
