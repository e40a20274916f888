export * from './vocabulary.js';
export * from './calendar-date.js';
export * from './schedule.js';
export * from './involvement.js';
export * from './report-currency.js';
export * from './session-plan.js';
export * from './contracts/index.js';
export * from './series.js';
