import path from 'node:path';
import { Option, type Command } from 'commander';
import { buildOpenApiDocument, toYaml } from '../../openapi';
import { writeFileReplacing } from '../../reporters/atomic-write';
import { writableDirectoryOption } from '../writable-directory';

export type OpenApiFormat = 'json' | 'yaml';

export interface OpenApiOptions {
  readonly out?: string;
  readonly format: OpenApiFormat;
}

export const renderOpenApi = (format: OpenApiFormat): string => {
  const document = buildOpenApiDocument();
  return format === 'yaml' ? toYaml(document) : JSON.stringify(document, null, 2) + '\n';
};

/** `openapi`: the OpenAPI 3.1 document derived from the catalog, on stdout or into --out. */
export async function runOpenApi(
  options: OpenApiOptions,
  out: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  // Checked before any work, so that a bad --out is a usage error (exit 2).
  const target = options.out
    ? path.join(writableDirectoryOption('--out', path.dirname(options.out)), path.basename(options.out))
    : undefined;
  const text = renderOpenApi(options.format);
  if (target === undefined) out.write(text);
  else await writeFileReplacing(target, text);
}

export function registerOpenApiCommand(program: Command): void {
  program
    .command('openapi')
    .description('Write the OpenAPI 3.1 document of the Flows resource, derived from the catalog')
    .option('--out <file>', 'write it to this file instead of stdout')
    .addOption(new Option('--format <format>', 'json or yaml').choices(['json', 'yaml']).default('json'))
    .action((options: OpenApiOptions) => runOpenApi(options));
}
