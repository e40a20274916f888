/** "Now" for every component test: setup.ts starts the clock here; the fixtures are dated around it. */
export const TEST_NOW = new Date('2026-11-25T10:00:00.000Z');
