import { z } from 'zod';
import { importLineSchema } from './import-format.js';

/**
 * JSON Schema (draft 2020-12) of one import line, as published in docs/import-format.schema.json.
 * Cross-field rules (a melding names its persons, refs exist, known gemeente and forms of violence)
 * are not expressible in JSON Schema; docs/import-format.md lists them.
 */
export function importLineJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(importLineSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://samenveilig.nl/schemas/import-line.json',
    title: 'Samen Veilig import line (one contact: advies or melding)',
  };
}
