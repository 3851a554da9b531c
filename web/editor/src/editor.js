// The web page's code editor: CodeMirror 6 with the juknis language, bundled by
// scripts/build-editor.sh into web/www/editor.js (one IIFE, no request at run
// time). The page (web/www/app.js) talks to it through `window.JuknisEditor`:
// create(parent, options) → { text, setText, select, setDiagnostics, focus }.
import { EditorState, EditorSelection } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, highlightSpecialChars,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  StreamLanguage, syntaxHighlighting, HighlightStyle, bracketMatching, indentUnit,
} from "@codemirror/language";
import { lintGutter, setDiagnostics, lintKeymap } from "@codemirror/lint";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { autocompletion, completionKeymap } from "@codemirror/autocomplete";
import { tags } from "@lezer/highlight";

/** The juknis tokenizer: comments, strings, dates, numbers and percentages,
 * statement keywords (from the grammar, given by the page), names. */
function juknisMode(keywords) {
  const kw = new Set(keywords);
  return {
    name: "juknis",
    token(stream) {
      if (stream.eatSpace()) return null;
      if (stream.match("//")) {
        stream.skipToEnd();
        return "comment";
      }
      if (stream.peek() === '"') {
        stream.next();
        let escaped = false;
        let ch;
        while ((ch = stream.next()) != null) {
          if (ch === '"' && !escaped) break;
          escaped = !escaped && ch === "\\";
        }
        return "string";
      }
      if (stream.match(/^\[[^\]\n]*\]/)) return "invalid";
      if (stream.match(/^\d{4}-\d{1,2}-\d{1,2}/)) return "number";
      if (stream.match(/^\d+([.,]\d+)?\s*(%|persen\b)/)) return "number";
      if (stream.match(/^\d+([.,]\d+)*/)) return "number";
      if (stream.match(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?/)) {
        return kw.has(stream.current()) ? "keyword" : "variableName";
      }
      if (stream.match(/^[{}()]/)) return "bracket";
      stream.next();
      return "operator";
    },
    languageData: { commentTokens: { line: "//" } },
  };
}

const style = HighlightStyle.define([
  { tag: tags.comment, color: "#5c6370", fontStyle: "italic" },
  { tag: tags.string, color: "#0b6e2a" },
  { tag: tags.number, color: "#8a3ffc" },
  { tag: tags.keyword, color: "#0041a8", fontWeight: "600" },
  { tag: tags.invalid, color: "#a4000f", backgroundColor: "#ffe3e3" },
]);

/** A position from a 1-based line and a 1-based column counted in characters
 * (Unicode scalar values, as the checker's report counts them). */
function offsetOf(doc, baris, kolom) {
  const n = Math.min(Math.max(1, baris), doc.lines);
  const line = doc.line(n);
  const chars = Array.from(line.text).slice(0, Math.max(0, kolom - 1));
  return Math.min(line.to, line.from + chars.join("").length);
}

const SEVERITY = { error: "error", peringatan: "warning", catatan: "info" };

function create(parent, options) {
  const opts = options || {};
  const completions = (opts.keywords || []).map((k) => ({ label: k, type: "keyword" }));
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: opts.doc || "",
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        bracketMatching(),
        indentUnit.of("  "),
        EditorState.tabSize.of(2),
        StreamLanguage.define(juknisMode(opts.keywords || [])),
        syntaxHighlighting(style),
        lintGutter(),
        autocompletion({ override: [(ctx) => {
          const w = ctx.matchBefore(/[A-Za-z_][A-Za-z0-9_]*/);
          if (!w || (w.from === w.to && !ctx.explicit)) return null;
          return { from: w.from, options: completions, validFor: /^[A-Za-z0-9_]*$/ };
        }] }),
        keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap, ...searchKeymap,
          ...lintKeymap, ...completionKeymap]),
        EditorView.contentAttributes.of({ "aria-label": opts.label || "juknis", spellcheck: "false", autocapitalize: "off", autocorrect: "off" }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && opts.onChange) opts.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(t) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } });
    },
    /** Select the stretch between two {baris, kolom} positions and show it. */
    select(mulai, selesai) {
      const doc = view.state.doc;
      const a = offsetOf(doc, mulai.baris, mulai.kolom);
      const b = offsetOf(doc, selesai.baris, selesai.kolom);
      view.dispatch({ selection: EditorSelection.single(a, b), scrollIntoView: true });
      view.focus();
    },
    /** Show the checker's diagnostics as marks; each fix becomes a button that
     * applies its edits (`perbaikan`: sure fixes, as `juknis check --fix`). */
    setDiagnostics(diags, fixLabel) {
      const doc = view.state.doc;
      const list = [];
      for (const d of diags) {
        const u = d.label.find((l) => l.utama) || d.label[0];
        let from = 0, to = 0;
        if (u) {
          from = offsetOf(doc, u.mulai.baris, u.mulai.kolom);
          to = Math.max(from, offsetOf(doc, u.selesai.baris, u.selesai.kolom));
        }
        const actions = (d.perbaikan || []).length ? [{
          name: fixLabel || "fix",
          apply(v) {
            const changes = d.perbaikan.map((f) => ({
              from: offsetOf(v.state.doc, f.mulai.baris, f.mulai.kolom),
              to: offsetOf(v.state.doc, f.selesai.baris, f.selesai.kolom),
              insert: f.teks,
            }));
            v.dispatch({ changes });
          },
        }] : [];
        list.push({
          from, to,
          severity: SEVERITY[d.tingkat] || "info",
          source: d.kode,
          message: d.pesan + (d.bantuan ? `\n→ ${d.bantuan}` : "") + (d.dasar ? `\n${d.dasar}` : ""),
          actions,
        });
      }
      view.dispatch(setDiagnostics(view.state, list));
    },
    /** Select the first occurrence of `needle` after `after` (as a search
     * does); false when it is not there. */
    find(needle, after) {
      const t = view.state.doc.toString();
      const from = t.indexOf(needle, after ? Math.max(0, t.indexOf(after)) : 0);
      if (from < 0) return false;
      view.dispatch({ selection: EditorSelection.single(from, from + needle.length), scrollIntoView: true });
      view.focus();
      return true;
    },
    /** The 1-based line of a position's text (for a mark shown on screen). */
    lineOf(node) {
      return view.state.doc.lineAt(view.posAtDOM(node)).number;
    },
    /** Apply sure fixes (`perbaikan` of a diagnostic): one undoable edit. */
    applyFixes(perbaikan) {
      const doc = view.state.doc;
      const changes = (perbaikan || []).map((f) => ({
        from: offsetOf(doc, f.mulai.baris, f.mulai.kolom),
        to: offsetOf(doc, f.selesai.baris, f.selesai.kolom),
        insert: f.teks,
      }));
      if (changes.length) view.dispatch({ changes });
    },
    /** Replace the whole text as one undoable edit (the format button). */
    replaceAll(t) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } });
    },
    focus: () => view.focus(),
  };
}

window.JuknisEditor = { create };
