// A real Temporal client with failures injected where a test asks for them, and a record of the
// workflow starts that went through. A Proxy rather than a subclass: the service only sees
// `client.workflow.start`/`signalWithStart`, `getHandle(id).signal/terminate/query` and `withDeadline`.
import type { Client, WorkflowHandle } from '@temporalio/client';

export interface Faults {
  /**
   * `refused`: the start (or a signal-with-start) fails before reaching Temporal; `lost-reply`: Temporal
   * starts it, the caller sees an error.
   */
  start?: 'refused' | 'lost-reply';
  /** Which signals fail (by workflow id and signal name); none when absent. */
  signal?: (workflowId: string, signalName: string) => boolean;
  /** `refused` (default): the signal fails before reaching Temporal; `lost-reply`: it lands, the caller sees an error. */
  signalFailure?: 'refused' | 'lost-reply';
}

export interface FaultyClient {
  client: Client;
  faults: Faults;
  /** Workflow ids this client started (calls that Temporal answered with "already started" are not here). */
  started: string[];
}

export function faultyClient(real: Client, faults: Faults = {}): FaultyClient {
  const started: string[] = [];
  const workflow = new Proxy(real.workflow, {
    get(target, property) {
      if (property === 'start') {
        return async (...args: Parameters<Client['workflow']['start']>) => {
          if (faults.start === 'refused') throw new Error('injected: Temporal refused the start');
          const handle = await target.start(...args);
          started.push(handle.workflowId);
          if (faults.start === 'lost-reply') throw new Error('injected: the reply to the start was lost');
          return handle;
        };
      }
      if (property === 'signalWithStart') {
        return async (...args: Parameters<Client['workflow']['signalWithStart']>) => {
          if (faults.start === 'refused') throw new Error('injected: Temporal refused the signal-with-start');
          return target.signalWithStart(...args);
        };
      }
      if (property === 'getHandle') {
        return (...args: Parameters<Client['workflow']['getHandle']>) =>
          withSignalFaults(target.getHandle(...args), faults);
      }
      return bound(target, property);
    },
  });
  const client = new Proxy(real, {
    get: (target, property) => (property === 'workflow' ? workflow : bound(target, property)),
  });
  return { client, faults, started };
}

function withSignalFaults(handle: WorkflowHandle, faults: Faults): WorkflowHandle {
  return new Proxy(handle, {
    get(target, property) {
      if (property !== 'signal') return bound(target, property);
      return async (signal: { name: string } | string, ...args: unknown[]) => {
        const name = typeof signal === 'string' ? signal : signal.name;
        if (!faults.signal?.(target.workflowId, name)) return target.signal(signal as string, ...args);
        if (faults.signalFailure === 'lost-reply') await target.signal(signal as string, ...args);
        throw new Error(`injected: signal ${name} failed`);
      };
    },
  });
}

function bound(target: object, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property, target);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}
