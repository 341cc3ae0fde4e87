// Rollup plugin: a dynamic import() fetches the imported chunk's own imports at the same time.
// Rollup's output leaves a waterfall: the light part imports the views chunk, and only once that
// has arrived does the browser see that it needs the livekit chunk (a round trip more on every
// call start and every page change that takes a call over). Each dynamic import of a chunk
// becomes
//   (import("./livekit-….js").catch(() => {}), import("./views-….js"))
// (the importer's own chunk, already loaded, is left out): the result is still the views chunk's,
// and so is a failure (it cannot load without its imports; the early fetch's own failure is
// caught). The extra import() only starts the fetch earlier: a module is evaluated once, in its
// dependency order, whoever imports it first. (The short form keeps the light part's budget.)

/** @returns {import('rollup').Plugin} */
export function preloadChunkImportsPlugin() {
  return {
    name: 'preload-chunk-imports',
    renderDynamicImport({ chunk, getTargetChunkImports }) {
      const deps = (getTargetChunkImports() ?? []).filter((d) => d.type === 'internal' && d.fileName !== chunk.fileName);
      if (deps.length === 0) return null;
      return { left: `(${deps.map((d) => `import(${d.resolvedImportPath}).catch(()=>{}),`).join('')}import(`, right: '))' };
    },
  };
}
