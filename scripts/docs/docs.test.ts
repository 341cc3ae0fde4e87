// The generated docs: docs/elements.md matches the components' JSDoc and documents the public
// elements only (those a host loads or places, not the parts inside them), the README lists each with
// a link to it, and the manifest it comes from covers every element the SDK defines, with every
// part, slot and custom property the element's own source uses, each described.
// Run: node scripts/node-tests.mjs scripts/docs
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildManifest, root } from './manifest.js';
import { ELEMENTS_DOC, ON_DEMAND_PUBLIC, customElements, publicElements, renderReference } from './reference.js';
import { slug } from './links.js';

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
  it(`${ELEMENTS_DOC} matches the components' JSDoc (else: npm run docs)`, () => {
    const doc = readFileSync(join(root, ELEMENTS_DOC), 'utf8');
    assert.ok(renderReference(manifest) === doc, `${ELEMENTS_DOC} is stale; run \`npm run docs\` and commit it`);
  });

  it('a reference that differs from the sources counts as stale', () => {
    const doc = readFileSync(join(root, ELEMENTS_DOC), 'utf8');
    const edited = doc.replace('| `button` | The round video button. |', '| `button` | The button. |');
    assert.notEqual(edited, doc, 'the reference documents the call button\'s button part');
    assert.notEqual(renderReference(manifest), edited);
  });

  it('documents the elements a host uses, not the parts inside them', () => {
    const doc = readFileSync(join(root, ELEMENTS_DOC), 'utf8');
    const documented = [...doc.matchAll(/^## `<(timio-[a-z-]+)>`$/gm)].map((m) => m[1]);
    // registered by the two entries (index.ts, guest.ts), plus the two on-demand elements a host places or styles
    const registered = ['index.ts', 'guest.ts'].flatMap((f) => [...readFileSync(join(root, 'sdk', 'src', f), 'utf8').matchAll(/^\s*define(\w+)\(\);$/gm)].map((m) => m[1]));
    assert.ok(registered.length >= 6, `found the entries' registrations (${registered.join(', ')})`);
    assert.deepEqual(documented, publicElements(manifest).map((e) => e.tagName));
    assert.equal(documented.length, registered.length + Object.keys(ON_DEMAND_PUBLIC).length);
    for (const tag of ['timio-call', 'timio-conference', 'timio-contact', 'timio-guest-join', 'timio-room-bar']) assert.ok(documented.includes(tag), tag);
    for (const tag of ['timio-control-bar', 'timio-video-tile', 'timio-chat-panel', 'timio-conference-stage']) {
      assert.ok(elements.some((e) => e.tagName === tag), `<${tag}> is an element of the SDK`);
      assert.ok(!documented.includes(tag), `<${tag}> is internal and not in ${ELEMENTS_DOC}`);
    }
  });

  it('the README lists every public element, each linked to its reference', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const el of publicElements(manifest)) {
      const link = `(${ELEMENTS_DOC}#${slug(`<${el.tagName}>`)})`;
      assert.ok(readme.includes(link), `README.md links <${el.tagName}> to ${link}`);
    }
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
