// Rollup manualChunks for the script-tag builds: livekit-client in a chunk of its own, and the
// session chunk: what sdk/src/views/session.ts reaches and the entry does not (the RoomSession and
// the media parts the call window and the conference share). Without it, rollup would cut that
// code into one chunk per combination of views that use a module (call window only, both, …):
// more files, fetched one after the other. The views loader fetches this one beside the view's own.
//
// A manual chunk takes along every dependency not placed in another chunk, so the entry's static
// part (the light part) is named as a chunk too, else lit would move into the session chunk. Which
// modules the light part uses is read through re-export files (`lit/decorators.js` re-exports
// every decorator; the light part uses two, the views more): only the names a module imports.

const SESSION_ENTRY = /\/sdk\/src\/views\/session\.ts$/;
const VIEWS = /\/sdk\/src\/views\/(call-window|conference)\.ts$/;
const LIVEKIT = /node_modules\/(?!lit\/|lit-html\/|lit-element\/|@lit\/)/;

const isReexports = (info) =>
  !!info?.ast && info.ast.body.length > 0 && info.ast.body.every((n) => (n.type === 'ExportAllDeclaration' || n.type === 'ExportNamedDeclaration') && n.source);

/** The module among `ids` a specifier names (bare and relative specifiers by their path's end). */
const named = (ids, specifier) => ids.find((id) => id.endsWith('/' + specifier.replace(/^(\.\.?\/)+/, '')));

/** The names `info` imports from `dep` ('*' for all). */
function importedNames(info, dep) {
  const names = new Set();
  for (const n of info.ast?.body ?? []) {
    if (!n.source || named([dep], n.source.value) !== dep) continue;
    if (n.type !== 'ImportDeclaration' || n.specifiers.some((s) => s.type !== 'ImportSpecifier')) return '*';
    for (const s of n.specifiers) names.add(s.imported.name ?? s.imported.value);
  }
  return names;
}

/** Every module `starts` use, through re-export files only the parts named. */
function reach(starts, getModuleInfo) {
  const seen = new Set();
  const todo = [...starts];
  while (todo.length) {
    const id = todo.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    const info = getModuleInfo(id);
    for (const dep of info?.importedIds ?? []) {
      const depInfo = getModuleInfo(dep);
      if (!isReexports(depInfo) || !info.ast) {
        todo.push(dep);
        continue;
      }
      seen.add(dep);
      const names = importedNames(info, dep);
      for (const n of depInfo.ast.body) {
        const target = named(depInfo.importedIds, n.source.value);
        if (!target) continue;
        const exports = n.type === 'ExportAllDeclaration' ? getModuleInfo(target)?.exports ?? [] : n.specifiers.map((s) => s.exported.name ?? s.exported.value);
        if (names === '*' || exports.some((e) => names.has(e))) todo.push(target);
      }
    }
  }
  return seen;
}

/** manualChunks for the script-tag build named `build`. */
export function scriptChunks(build) {
  let chunks;
  return (id, { getModuleIds, getModuleInfo }) => {
    if (LIVEKIT.test(id)) return 'livekit';
    if (!chunks) {
      // manualChunks runs once the module graph is complete: one answer per build.
      chunks = new Map();
      const ids = [...getModuleIds()];
      const session = ids.find((m) => SESSION_ENTRY.test(m));
      if (session) {
        const light = reach(ids.filter((m) => getModuleInfo(m)?.isEntry), getModuleInfo);
        const own = (m) => !light.has(m) && !LIVEKIT.test(m);
        for (const m of reach([session], getModuleInfo)) if (own(m)) chunks.set(m, 'session');
        // The views' own modules are named too: a module only a view uses but that a re-export file
        // of the light part names (lit's `query`) would otherwise be taken into the light part.
        // A module both views use goes to the session chunk rather than into a chunk of its own.
        // A module another lazy part uses too (the call machine: the resume locks) gets a chunk of
        // its own, as rollup would give it; left unnamed, a view's chunk would take it along.
        const views = ids.filter((m) => VIEWS.test(m));
        const others = reach(ids.filter((m) => getModuleInfo(m)?.dynamicImporters.length && !views.includes(m) && m !== session), getModuleInfo);
        for (const view of views) {
          const name = view.match(VIEWS)[1];
          for (const m of reach([view], getModuleInfo)) {
            if (!own(m) || chunks.get(m) === 'session') continue;
            if (others.has(m)) chunks.set(m, m.split('/').pop().replace(/\.[jt]s$/, ''));
            else chunks.set(m, chunks.has(m) && chunks.get(m) !== name ? 'session' : name);
          }
        }
        // A piece of lit only a part loaded on a click uses (the dialogs' `query`) goes to the session
        // chunk, which is there before any such click; unnamed, the light part would take it along.
        for (const m of others) if (own(m) && !chunks.has(m) && /node_modules\/(lit|lit-html|lit-element|@lit)\//.test(m)) chunks.set(m, 'session');
        for (const m of light) if (!LIVEKIT.test(m)) chunks.set(m, build);
      }
    }
    return chunks.get(id);
  };
}
