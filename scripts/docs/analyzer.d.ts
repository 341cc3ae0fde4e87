// What scripts/docs/manifest.ts uses of the analyzer's programmatic API, which its own index.d.ts
// leaves out. `ts` is the analyzer's own TypeScript (5.4): its syntax trees must come from it.
import type { Package } from 'custom-elements-manifest/schema';
import type { Plugin } from '@custom-elements-manifest/analyzer';

declare module '@custom-elements-manifest/analyzer' {
  export const ts: typeof import('typescript');
  export function create(options: { modules: unknown[]; plugins?: Plugin[]; context?: Record<string, unknown> }): Package;
}
