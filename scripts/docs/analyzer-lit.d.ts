// The analyzer ships its Lit plugin without type declarations.
declare module '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js' {
  import type { Plugin } from '@custom-elements-manifest/analyzer';
  export function litPlugin(): Plugin[];
}
