// Undo steps an element test registers as it goes (a fake service installed, a viewport changed, a
// node added), run after each test in reverse order, so a failed test leaves nothing to the next.
import { setViewport } from '@web/test-runner-commands';

declare const afterEach: (body: () => Promise<void> | void) => void;

export interface Cleanups {
  push(undo: () => unknown): void;
  /** Sets the viewport for this test; the next test starts at the runner's 800×600 again. */
  viewport(width: number, height: number): Promise<void>;
}

/** Registers the afterEach hook of this test file and returns where its tests put their undo steps. */
export function cleanupsAfterEach(): Cleanups {
  let steps: Array<() => unknown> = [];
  afterEach(async () => {
    for (const undo of steps.reverse()) await undo();
    steps = [];
  });
  return {
    push: (undo) => void steps.push(undo),
    async viewport(width, height) {
      await setViewport({ width, height });
      steps.push(() => setViewport({ width: 800, height: 600 }));
    },
  };
}
