export * from './periode.js';
export * from './definities.js';
export * from './onthulling.js';
export * from './kerncijfers.js';
export * from './lang.js';
export * from './csv.js';
export * from './boom.js';
