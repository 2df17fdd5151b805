/**
 * The CodeMirror 6 editor of the workbench. Imported dynamically by SqlEditor.svelte, so CodeMirror is a
 * chunk of its own that only /sql loads. Knows nothing about DuckDB: it reports run requests and text.
 */
import { autocompletion } from '@codemirror/autocomplete';
import { sql } from '@codemirror/lang-sql';
import { Compartment, EditorState, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, keymap, type DecorationSet } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { statementsToRun, type Statement } from '../db/statements.ts';
import { completionSources, DuckDBDialect, type SchemaInfo } from './completion.ts';

export interface EditorHooks {
  onRun(statements: Statement[], text: string): void;
  onChange(text: string): void;
  locale(): 'zh' | 'en';
}

/** An error mark: the character DuckDB pointed at (or the whole statement when it did not say). */
const setMark = StateEffect.define<{ from: number; to: number; message: string } | null>();
const markField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects)
      if (e.is(setMark))
        deco = e.value
          ? Decoration.set([Decoration.mark({ class: 'cm-sql-error', attributes: { title: e.value.message, 'data-testid': 'error-mark' } }).range(e.value.from, e.value.to)])
          : Decoration.none;
    // Typing clears the mark: the text it pointed at has changed.
    if (tr.docChanged) deco = Decoration.none;
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

const theme = EditorView.theme({
  '&': { fontSize: '14px', height: '100%', background: '#fff' },
  '.cm-scroller': { fontFamily: "'JetBrains Mono', 'Cascadia Mono', Consolas, 'Noto Sans Mono CJK SC', monospace" },
  '.cm-sql-error': { textDecoration: 'underline wavy #b00020', textDecorationSkipInk: 'none', background: '#fde2e5' },
  '.cm-tooltip-autocomplete .cm-completionDetail': { color: '#5c6470', fontStyle: 'normal', marginLeft: '1em' },
  '.cm-tooltip-autocomplete ul li[aria-selected] .cm-completionDetail': { color: '#e6f1f8' },
});

export class SqlEditorView {
  readonly view: EditorView;
  private readonly lang = new Compartment();
  private readonly states = new Map<string, EditorState>();
  private schema: SchemaInfo = { relations: [], indicators: [] };

  constructor(
    parent: HTMLElement,
    private readonly hooks: EditorHooks,
  ) {
    this.view = new EditorView({ parent, state: this.makeState('') });
  }

  private extensions(): Extension[] {
    const runKey = (view: EditorView) => {
      const sel = view.state.selection.main;
      const text = view.state.doc.toString();
      this.hooks.onRun(statementsToRun(text, sel.from, sel.to), text);
      return true;
    };
    return [
      keymap.of([
        { key: 'Mod-Enter', run: runKey, preventDefault: true },
        // Ctrl+Enter on a Mac too (Mod is ⌘ there), as other SQL consoles accept both.
        { key: 'Ctrl-Enter', run: runKey, preventDefault: true },
      ]),
      basicSetup,
      this.lang.of(this.languageFor(this.schema)),
      markField,
      theme,
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': 'SQL', 'data-testid': 'sql-input' }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) this.hooks.onChange(u.state.doc.toString());
      }),
    ];
  }

  private languageFor(info: SchemaInfo): Extension {
    // Highlighting from lang-sql; completion from our own list (schema, keywords, columns, indicator ids).
    return [sql({ dialect: DuckDBDialect }), autocompletion({ override: completionSources(info, this.hooks.locale), maxRenderedOptions: 200 })];
  }

  private makeState(doc: string): EditorState {
    return EditorState.create({ doc, extensions: this.extensions() });
  }

  /** New schema (after load, a CREATE, or reset): completion follows it in every tab. */
  setSchema(info: SchemaInfo): void {
    this.schema = info;
    this.view.dispatch({ effects: this.lang.reconfigure(this.languageFor(info)) });
    for (const [id, st] of this.states) this.states.set(id, st.update({ effects: this.lang.reconfigure(this.languageFor(info)) }).state);
  }

  /** Switches to a tab, keeping each tab's own undo history and selection. */
  showTab(id: string, previousId: string | null, doc: string): void {
    if (previousId) this.states.set(previousId, this.view.state);
    const st = this.states.get(id) ?? this.makeState(doc);
    this.view.setState(st.doc.toString() === doc ? st : this.makeState(doc));
    this.view.dispatch({ effects: this.lang.reconfigure(this.languageFor(this.schema)) });
  }

  forgetTab(id: string): void {
    this.states.delete(id);
  }

  text(): string {
    return this.view.state.doc.toString();
  }

  /** Runs what Ctrl/Cmd+Enter would run (for the Run button). */
  run(all = false): void {
    const text = this.text();
    const sel = this.view.state.selection.main;
    this.hooks.onRun(all ? statementsToRun(text, 0, text.length) : statementsToRun(text, sel.from, sel.to), text);
  }

  /** Replaces the selection with `s` (schema browser clicks, history picks) and focuses the editor. */
  insert(s: string): void {
    const sel = this.view.state.selection.main;
    this.view.dispatch({ changes: { from: sel.from, to: sel.to, insert: s }, selection: { anchor: sel.from + s.length }, scrollIntoView: true });
    this.view.focus();
  }

  setText(s: string): void {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: s }, selection: { anchor: s.length } });
  }

  markError(position: number | null, stmt: Statement, message: string): void {
    const len = this.view.state.doc.length;
    let from = stmt.start;
    let to = stmt.end;
    if (position !== null) {
      from = Math.min(position, len);
      // Mark the word at the position (at least one character).
      const rest = this.view.state.doc.sliceString(from, Math.min(len, from + 64));
      const word = /^[\w\u4e00-\u9fff"'.]+/.exec(rest)?.[0].length ?? 1;
      to = Math.min(len, from + Math.max(1, word));
      if (from === to && from > 0) from--;
    }
    this.view.dispatch({ effects: setMark.of({ from, to, message }), selection: { anchor: from }, scrollIntoView: true });
  }

  clearError(): void {
    this.view.dispatch({ effects: setMark.of(null) });
  }

  focus(): void {
    this.view.focus();
  }

  destroy(): void {
    this.view.destroy();
  }
}
