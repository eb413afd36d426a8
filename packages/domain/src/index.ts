export * from './model.js';
export * from './bsn.js';
export * from './postcode.js';
export * from './time.js';
export * from './import-format.js';
export * from './reference/index.js';
export * from './import-format.jsonschema.js';
export * from './access/index.js';
