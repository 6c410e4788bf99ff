// Starts `callactions lsp` for action files. Everything the editor shows — findings,
// completion, hover, quick fixes — comes from the server, which is the same engine as
// `callactions validate`.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("callactions");
  const command = config.get("path", "callactions");
  const files = config.get("files", []);
  const serverOptions = { run: { command, args: ["lsp"] }, debug: { command, args: ["lsp"] } };
  const clientOptions = {
    documentSelector: files.map((pattern) => ({ scheme: "file", language: "yaml", pattern })),
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{callactions.toml,.env,.env.*}"),
    },
  };
  client = new LanguageClient("callactions", "callactions", serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
