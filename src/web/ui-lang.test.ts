/** Tests of ui-lang.ts: a language applied to a page's `data-ui*` elements (a stand-in DOM). */
import { describe, expect, it } from 'vitest';
import { applyUiLang, type UiDocument, type UiElement, worded } from './ui-lang.ts';

/** An element with attributes and text. */
function element(
  attributes: Record<string, string>,
  text = '',
): UiElement & {
  attributes: Record<string, string>;
} {
  return {
    attributes,
    textContent: text,
    getAttribute: (name) => attributes[name] ?? null,
    setAttribute(name, value) {
      attributes[name] = value;
    },
  };
}

/** A page of `elements`, found by `[attribute]` selectors. */
function page(
  elements: ReturnType<typeof element>[],
): UiDocument & { documentElement: { lang: string } } {
  return {
    documentElement: { lang: 'en' },
    querySelectorAll: (selector) => {
      const name = /^\[([\w-]+)\]$/.exec(selector)?.[1];
      if (name === undefined) throw new Error(`unexpected selector ${selector}`);
      return elements.filter((e) => name in e.attributes);
    },
  };
}

describe('applyUiLang', () => {
  it('words text, tooltips, placeholders and aria-labels, and says the language', () => {
    const run = element({ 'data-ui': 'run' }, '▶ Run');
    const search = element({
      'data-ui-placeholder': 'search.placeholder',
      'data-ui-aria-label': 'search.label',
      placeholder: 'Search scenarios and lessons',
    });
    const label = element({ 'data-ui-title': 'spof.all.title' }, 'kept');
    const doc = page([run, search, label]);
    expect(applyUiLang(doc, 'ko')).toEqual([]);
    expect(doc.documentElement.lang).toBe('ko');
    expect(run.textContent).toBe('▶ 실행');
    expect(search.attributes.placeholder).toBe('시나리오와 교안 검색');
    expect(search.attributes['aria-label']).toBe('시나리오 검색');
    expect(label.attributes.title).toMatch(/모든 컴포넌트/);
    // a title's element keeps its text (its children: an input, the words' own span)
    expect(label.textContent).toBe('kept');

    applyUiLang(doc, 'en');
    expect(doc.documentElement.lang).toBe('en');
    expect(run.textContent).toBe('▶ Run');
    expect(search.attributes.placeholder).toBe('Search scenarios and lessons');
  });

  it('leaves a key it does not know as it is, and names it', () => {
    const odd = element({ 'data-ui': 'no.such.key' }, 'as written');
    expect(applyUiLang(page([odd]), 'ko')).toEqual(['no.such.key']);
    expect(odd.textContent).toBe('as written');
  });

  it('gives an element the panels make its words and its key, so a change rewords it', () => {
    const mark = worded(element({}), 'edited', 'ko');
    expect(mark.textContent).toBe(' (편집됨)');
    applyUiLang(page([mark]), 'en');
    expect(mark.textContent).toBe(' (edited)');
  });
});
