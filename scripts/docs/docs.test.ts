// The generated docs: the README's element reference matches the components' JSDoc, and the
// manifest it comes from covers every element the SDK defines, with every part, slot and custom
// property the element's own source uses, each described.
// Run: node scripts/node-tests.mjs scripts/docs
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildManifest, root } from './manifest.js';
import { END, START, customElements, renderReference, withReference } from './reference.js';

const manifest = buildManifest();
const elements = customElements(manifest);

/** Source files below sdk/src (tests and test helpers left out). */
function sources(dir = join(root, 'sdk', 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** The source file of a manifest module path (dist/npm/a/b.js → sdk/src/a/b.ts). */
const sourceOf = (modulePath: string) => join(root, modulePath.replace(/^dist\/npm\//, 'sdk/src/').replace(/\.js$/, '.ts'));

function moduleOf(tag: string): string {
  const mod = manifest.modules.find((m) => (m.declarations ?? []).some((d) => 'tagName' in d && d.tagName === tag));
  assert.ok(mod, `<${tag}> is in the manifest`);
  return mod.path;
}

describe('docs generated from the sources', () => {
  it("README.md's element reference matches the components' JSDoc (else: npm run docs)", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const fresh = withReference(readme, renderReference(manifest));
    assert.ok(fresh === readme, 'README.md: the element reference is stale; run `npm run docs` and commit README.md');
  });

  it('a reference that differs from the sources counts as stale; a README without markers is an error', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const edited = readme.replace('| `button` | The round video button. |', '| `button` | The button. |');
    assert.notEqual(edited, readme, 'the README documents the button part');
    assert.notEqual(withReference(edited, renderReference(manifest)), edited);
    assert.throws(() => withReference(readme.replace(START, '').replace(END, ''), renderReference(manifest)), /markers/);
  });

  it('every element the SDK defines is in the manifest under its tag and class', () => {
    const defined = new Map<string, string>();
    for (const file of sources()) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bdefine\('(timio-[a-z-]+)',\s*(\w+)\)/g)) defined.set(m[1]!, m[2]!);
    }
    assert.ok(defined.size >= 5, `found the SDK's element definitions (${[...defined.keys()].join(', ')})`);
    assert.deepEqual(
      elements.map((e) => [e.tagName, e.name]),
      [...defined].sort(([a], [b]) => a.localeCompare(b)),
    );
  });

  for (const el of elements) {
    it(`<${el.tagName}>: the parts, slots and custom properties its source uses are documented, each with a description`, () => {
      const file = sourceOf(moduleOf(el.tagName!));
      const source = readFileSync(file, 'utf8');
      const parts = new Set([...source.matchAll(/\spart="([^"$]+)"/g)].flatMap((m) => m[1]!.split(/\s+/)));
      const slots = new Set([...source.matchAll(/<slot(?:\s[^>]*?name="([^"]+)")?[\s>]/g)].map((m) => m[1] ?? ''));
      const styles = readdirSync(dirname(file)).filter((f) => f.endsWith('.styles.ts')).map((f) => readFileSync(join(dirname(file), f), 'utf8')).join('\n');
      const props = new Set([...styles.matchAll(/var\((--timio-[a-z0-9-]+)/g)].map((m) => m[1]!));
      const documented = (list: Array<{ name: string }> | undefined) => new Set((list ?? []).map((x) => x.name));
      for (const p of parts) assert.ok(documented(el.cssParts).has(p), `@csspart ${p}`);
      for (const s of slots) assert.ok(documented(el.slots).has(s), `@slot ${s || '(default)'}`);
      for (const p of props) assert.ok(documented(el.cssProperties).has(p), `@cssproperty ${p}`);
      const described = [
        ...(el.attributes ?? []), ...(el.members ?? []).filter((m) => !m.privacy || m.privacy === 'public'), ...(el.events ?? []),
        ...(el.slots ?? []), ...(el.cssParts ?? []), ...(el.cssProperties ?? []),
      ] as Array<{ name?: string; description?: string }>;
      for (const x of described) assert.ok(x.description?.trim(), `${x.name || '(default slot)'} has a description`);
    });
  }
});
