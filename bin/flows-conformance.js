#!/usr/bin/env node
'use strict';
// A reader that stops early (`flows-conformance openapi | head`) is not an error of ours.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`flows-conformance: cannot write to stdout: ${error.message}\n`);
  process.exit(2);
});
require('../dist/src/cli/main.js').main(process.argv);
