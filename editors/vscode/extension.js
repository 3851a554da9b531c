// Starts `juknis lsp` for .juknis files: diagnostics, hover, completion, go to
// definition, formatting and quick fixes all come from the server.
"use strict";
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const cfg = vscode.workspace.getConfiguration("juknis");
  const command = cfg.get("path", "juknis");
  const lang = cfg.get("bahasa", "id");
  const server = { command, args: ["--lang", lang, "lsp"] };
  client = new LanguageClient(
    "juknis",
    "juknis",
    { run: server, debug: server },
    { documentSelector: [{ scheme: "file", language: "juknis" }, { scheme: "untitled", language: "juknis" }] },
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
