// Runs the CLI from source, for tests that spawn it (`node -r tsx/cjs test/support/cli-entry.ts ...`).
import { main } from '../../src/cli/main';

void main(process.argv);
