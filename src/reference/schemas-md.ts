import { isJsonObject, type JsonObject } from '../model/json';
import { jsonBlocks, sectionTitled, sectionsAt } from './markdown';

/** One `## ` section of schemas.md: a body schema and its example. */
export interface ReferenceSchemaSection {
  /** `Workflow Trigger Filter` */
  readonly title: string;
  /** `workflow-trigger-filter`, the anchor flows-actions.md links to (`schemas.md#...`). */
  readonly anchor: string;
  readonly schema: JsonObject;
  readonly example: unknown;
}

function onlyJsonBlock(text: string, where: string): unknown {
  const blocks = jsonBlocks(text);
  if (blocks.length !== 1) throw new Error(`${where}: expected one JSON block, found ${blocks.length}`);
  return blocks[0];
}

export function parseSchemasMarkdown(markdown: string): ReferenceSchemaSection[] {
  return sectionsAt(markdown, 2).map(({ title, body }) => {
    const parts = sectionsAt(body, 3);
    const schemaPart = sectionTitled(parts, 'Schema', title);
    const schema = onlyJsonBlock(schemaPart.body, `${title} schema`);
    if (!isJsonObject(schema)) throw new Error(`${title}: the schema is not an object`);
    const anchor = schemaPart.anchor?.replace(/-schema$/, '');
    if (!anchor) throw new Error(`${title}: the schema heading has no anchor`);
    return {
      title,
      anchor,
      schema,
      example: onlyJsonBlock(sectionTitled(parts, 'Example', title).body, `${title} example`),
    };
  });
}
