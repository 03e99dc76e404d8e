/**
 * Tests of editor-phrases.ts: the Korean phrases are exactly the ones the CodeMirror packages
 * the editor uses ask for (read from their code), each said in Korean.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EDITOR_PHRASES_KO } from './editor-phrases.ts';

const require = createRequire(import.meta.url);
/** The CodeMirror packages editor.ts builds the editor from. */
const PACKAGES = ['search', 'lint', 'autocomplete', 'view', 'commands'];

/** The phrases a package's code asks for (`phrase("…")`, `phrase(view, "…")`). */
function asked(pkg: string): string[] {
  const code = readFileSync(require.resolve(`@codemirror/${pkg}`), 'utf8');
  return [...code.matchAll(/phrase\((?:\w+, ?)?"([^"]+)"/g)].map((m) => m[1]);
}

describe('the editor’s Korean phrases', () => {
  it('are the ones CodeMirror asks for, each in Korean', () => {
    const phrases = [...new Set(PACKAGES.flatMap(asked))].sort();
    expect(phrases.length).toBeGreaterThan(15);
    expect(Object.keys(EDITOR_PHRASES_KO).sort()).toEqual(phrases);
    for (const [english, korean] of Object.entries(EDITOR_PHRASES_KO)) {
      expect(korean, english).toMatch(/[가-힣]/);
      // a count's place stays
      expect(korean.includes('$'), english).toBe(english.includes('$'));
    }
  });
});
