// What jsdom lacks and Mantine uses: matchMedia (colour scheme, breakpoints), ResizeObserver,
// scrollIntoView and document.fonts. Plus jest-dom's matchers (toBeInTheDocument, toHaveAccessibleDescription, …).
import '@testing-library/jest-dom';
import { jest } from '@jest/globals';
import { configure } from '@testing-library/react';
import { TEST_NOW } from './clock';

// The fixtures are dated around TEST_NOW, and the pages split sessions into upcoming and past by
// "today": so the tests run on an injected clock that starts at TEST_NOW and moves on in real time,
// never on the machine's date (a fixture dated next week would fail on its own once that week
// came). Only Date is faked: timers stay real, as Testing Library's waits expect.
jest.useFakeTimers({
  now: TEST_NOW,
  advanceTimers: true,
  doNotFake: [
    'hrtime',
    'nextTick',
    'performance',
    'queueMicrotask',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'requestIdleCallback',
    'cancelIdleCallback',
    'setImmediate',
    'clearImmediate',
    'setInterval',
    'clearInterval',
    'setTimeout',
    'clearTimeout',
  ],
});

// findBy… waits up to 5 s instead of 1 s: CI runs these beside the servers' tests on two cores.
configure({ asyncUtilTimeout: 5_000 });

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = NoResizeObserver;
Element.prototype.scrollIntoView = function scrollIntoView() {};
// Mantine's autosize Textarea re-measures when web fonts load.
Object.defineProperty(document, 'fonts', {
  value: {
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    ready: Promise.resolve(),
  },
});

beforeEach(() => localStorage.clear());
