import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importLineJsonSchema } from './import-format.jsonschema.js';

// The published schema is generated from the Zod schema; regenerate with `npm run samenveilig -- schema > docs/import-format.schema.json`.
describe('published JSON Schema of the import format', () => {
  it('equals the schema generated from the code', () => {
    const published = JSON.parse(readFileSync(new URL('../../../docs/import-format.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(importLineJsonSchema());
  });
  it('describes the required fields', () => {
    const s = importLineJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(s.required).toEqual(expect.arrayContaining(['externalId', 'type', 'ontvangenOp', 'kanaal', 'gemeente', 'melder', 'personen']));
    expect(Object.keys(s.properties)).toContain('geweldsvormen');
  });
});

describe('the example in docs/import-format.md', () => {
  it('is valid', async () => {
    const { validateImportLine } = await import('./import-format.js');
    const md = readFileSync(new URL('../../../docs/import-format.md', import.meta.url), 'utf8');
    const lines = md.split('\n').filter((l) => l.startsWith('{"externalId"'));
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(validateImportLine(JSON.parse(l))).toMatchObject({ ok: true });
  });
});
