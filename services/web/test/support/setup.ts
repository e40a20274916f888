// What jsdom lacks and Mantine uses: matchMedia (colour scheme, breakpoints), ResizeObserver,
// scrollIntoView and document.fonts. Plus jest-dom's matchers (toBeInTheDocument, toHaveAccessibleDescription, …).
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

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
