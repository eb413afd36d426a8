export * from './roles.js';
export * from './policy.js';
