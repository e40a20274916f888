// The sessions worker's cache settings: a sized default instead of the SDK's heap-based one, an
// override from the environment, and a task limit the cache can hold, refused at boot otherwise.
import { loadWorkflowsConfig } from '../src/config.js';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/rhythm' };

describe('worker cache settings', () => {
  it('keep 250 workflows cached and run 40 workflow tasks at once by default', () => {
    const config = loadWorkflowsConfig(base);
    expect(config.SESSIONS_MAX_CACHED_WORKFLOWS).toBe(250);
    expect(config.SESSIONS_MAX_CONCURRENT_WORKFLOW_TASKS).toBe(40);
  });

  it('take both from the environment; a cache of 0 turns caching off', () => {
    const config = loadWorkflowsConfig({
      ...base,
      SESSIONS_MAX_CACHED_WORKFLOWS: '1000',
      SESSIONS_MAX_CONCURRENT_WORKFLOW_TASKS: '100',
    });
    expect(config.SESSIONS_MAX_CACHED_WORKFLOWS).toBe(1000);
    expect(config.SESSIONS_MAX_CONCURRENT_WORKFLOW_TASKS).toBe(100);
    expect(
      loadWorkflowsConfig({ ...base, SESSIONS_MAX_CACHED_WORKFLOWS: '0' }).SESSIONS_MAX_CACHED_WORKFLOWS,
    ).toBe(0);
  });

  it('refuse more concurrent tasks than cached workflows, and a negative cache', () => {
    expect(() => loadWorkflowsConfig({ ...base, SESSIONS_MAX_CACHED_WORKFLOWS: '20' })).toThrow(
      'SESSIONS_MAX_CONCURRENT_WORKFLOW_TASKS: must not exceed SESSIONS_MAX_CACHED_WORKFLOWS',
    );
    expect(() => loadWorkflowsConfig({ ...base, SESSIONS_MAX_CACHED_WORKFLOWS: '-1' })).toThrow(
      'SESSIONS_MAX_CACHED_WORKFLOWS',
    );
  });
});
