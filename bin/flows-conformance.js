#!/usr/bin/env node
'use strict';
// Node's on-disk cache of compiled code (22.3 on; in the OS temp folder, or NODE_COMPILE_CACHE): later
// starts skip compiling the CLI's modules again (a tenth less CPU for `mock`, `openapi`).
process.getBuiltinModule?.('node:module').enableCompileCache?.();
// A reader that stops early (`flows-conformance openapi | head`) is not an error of ours.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`flows-conformance: cannot write to stdout: ${error.message}\n`);
  process.exit(2);
});
// Pact's verifier proxies through http-proxy, which calls util._extend: deprecated at run time since
// Node 22 (DEP0060) and nothing a user of this CLI can act on. Every other warning still prints.
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  const code = typeof rest[0] === 'object' && rest[0] !== null ? rest[0].code : rest[1];
  if (code === 'DEP0060') return;
  return emitWarning.call(this, warning, ...rest);
};
require('../dist/src/cli/main.js').main(process.argv);
