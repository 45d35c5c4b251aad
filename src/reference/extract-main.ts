import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { extractReferenceData, REFERENCE_MARKDOWN_DIR } from './extract';
import { REFERENCE_DATA_DIR, REFERENCE_DATA_FILES } from './reference-data';

/**
 * Writes specs/reference/*.json from the reference's Markdown (`npx tsx src/reference/extract-main.ts`),
 * formatted as `npm run lint` wants. Run it when the reference changes; test/catalog/reference-data.test.ts
 * fails until then.
 */
async function main(): Promise<void> {
  const data = extractReferenceData();
  for (const key of ['actions', 'schemas'] as const) {
    const file = path.join(REFERENCE_DATA_DIR, REFERENCE_DATA_FILES[key]);
    const options = { ...(await resolveConfig(file)), parser: 'json' };
    writeFileSync(file, await format(JSON.stringify(data[key]), options));
    console.log(`${path.relative(process.cwd(), file)}: from ${REFERENCE_MARKDOWN_DIR}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
