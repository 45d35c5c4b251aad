import { ALL_CASES } from '../../specs/cases';

/** The key of every case as a fresh process builds the cases: `{ "<id>": "<key>" }` on stdout. */
process.stdout.write(JSON.stringify(Object.fromEntries(ALL_CASES.map((item) => [item.id, item.key]))));
