/**
 * The scenario editor: CodeMirror 6 with YAML highlighting, the project's own validation as
 * located underlines (a linter that asks the validation worker, debounced as the user types,
 * each issue underlined at its file:line:col with its did-you-mean hint) and completion of
 * keys from the scenario JSON Schema, with the key's type and default on hover (schema-keys.ts;
 * the path at the cursor read from the parsed YAML, block or flow style: yaml-paths.ts). Its
 * problems and its own words (search panel, lint panel: editor-phrases.ts) follow the page's
 * language, again when it changes (`setEditorLang`).
 */

import {
  autocompletion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { type Diagnostic, forceLinting, linter, lintGutter } from '@codemirror/lint';
import { searchKeymap } from '@codemirror/search';
import { Compartment, EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  hoverTooltip,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import type { Lang } from '../report/i18n/lang.ts';
import type { ScenarioIssue } from '../scenario/issues.ts';
import { EDITOR_PHRASES_KO } from './editor-phrases.ts';
import { diagnosticsOf } from './positions.ts';
import { keysAt, type SchemaNode } from './schema-keys.ts';
import { completionPathAt, keyAt } from './yaml-paths.ts';

/** What the editor needs from the page. */
export interface EditorHooks {
  /** The issues of `text` from the validation worker. */
  validate(text: string): Promise<ScenarioIssue[]>;
  /** Called after every change of the text (to save it). */
  changed(text: string): void;
  /** Called with every validation's issues (the page shows their count and SLO state). */
  validated(issues: ScenarioIssue[]): void;
  /** The language the problems are worded in (the toolbar's report language); absent: English. */
  lang?(): Lang;
}

/** The editor's words in `lang` (CodeMirror's English is its own). */
const phrases = new Compartment();
const phrasesOf = (lang: Lang) => EditorState.phrases.of(lang === 'ko' ? EDITOR_PHRASES_KO : {});

/** Milliseconds of quiet typing before the text is validated. */
export const LINT_DELAY_MS = 350;

function completeKeys(schema: SchemaNode) {
  return (context: CompletionContext): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    // a key starts a line, follows a block list's `- `, or a flow map's `{` or `,`
    const m = /(?:^\s*|^\s*-\s+|[{,]\s*)([A-Za-z0-9_$-]*)$/.exec(before);
    if (m === null) return null;
    if (m[1] === '' && !context.explicit) return null;
    const from = context.pos - m[1].length;
    const path = completionPathAt(context.state.doc.toString(), from, context.pos);
    if (path === undefined) return null;
    const keys = keysAt(schema, path);
    if (keys.length === 0) return null;
    return {
      from,
      options: keys.map((k) => ({
        label: k.key,
        apply: `${k.key}: `,
        detail: k.detail,
        info: k.info,
        type: 'property',
      })),
      validFor: /^[A-Za-z0-9_$-]*$/,
    };
  };
}

/** Hover docs: the type, default and description the JSON Schema gives the key under the mouse. */
function keyDocs(schema: SchemaNode) {
  return hoverTooltip((view, pos) => {
    const found = keyAt(view.state.doc.toString(), pos);
    if (found === undefined) return null;
    const doc = keysAt(schema, found.path).find((k) => k.key === found.key);
    if (doc === undefined) return null;
    const start = found.from;
    const end = found.to;
    return {
      pos: start,
      end,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'cm-schema-doc';
        // text only: the schema is msasim's, but nothing here is markup either way
        dom.textContent = `${doc.key}: ${doc.detail}${doc.info ? `\n${doc.info}` : ''}`;
        return { dom };
      },
    };
  });
}

/** Creates the editor in `parent` with `text`. */
export function createEditor(
  parent: HTMLElement,
  text: string,
  schema: SchemaNode,
  hooks: EditorHooks,
): EditorView {
  const lint = linter(
    async (view): Promise<Diagnostic[]> => {
      const doc = view.state.doc.toString();
      const issues = await hooks.validate(doc);
      // the text may have changed meanwhile: CodeMirror drops diagnostics of an old document
      hooks.validated(issues);
      return diagnosticsOf(doc, issues, hooks.lang?.() ?? 'en').map((d) => ({
        from: d.from,
        to: d.to,
        severity: d.severity,
        message: d.message,
        source: 'msasim',
      }));
    },
    { delay: LINT_DELAY_MS },
  );
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        yaml(),
        EditorState.tabSize.of(2),
        phrases.of(phrasesOf(hooks.lang?.() ?? 'en')),
        keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap, ...searchKeymap]),
        lint,
        lintGutter(),
        autocompletion({ override: [completeKeys(schema)] }),
        keyDocs(schema),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) hooks.changed(u.state.doc.toString());
        }),
      ],
    }),
  });
}

/** Replaces the editor's whole text (a new scenario, a reset, a share link). */
export function setEditorText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  forceLinting(view);
}

/** Words the editor in `lang`: its own phrases, and its problems (validated again). */
export function setEditorLang(view: EditorView, lang: Lang): void {
  view.dispatch({ effects: phrases.reconfigure(phrasesOf(lang)) });
  forceLinting(view);
}
