// Every relative link and #anchor in the README, docs/*.md, bench/README.md and the dev media
// server's README resolves: the file or folder exists, and the anchor is a heading of the markdown
// file it points to (GitHub's slugs).
// The unit cases show the check fails on a broken link, a missing anchor and a link out of the tree.
// Run: node scripts/node-tests.mjs scripts/docs
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './manifest.js';
import { anchorsOf, brokenLinks, linksOf, slug } from './links.js';

/** The markdown files a reader follows links in. */
const DOCS = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`), 'bench/README.md', 'dev-media-server/README.md'];

describe('links in the docs', () => {
  for (const file of DOCS) {
    it(`${file}: every relative link and anchor resolves`, () => {
      assert.ok(existsSync(join(root, file)), `${file} exists`);
      const broken = brokenLinks(root, file, readFileSync(join(root, file), 'utf8'));
      assert.deepEqual(broken.map((b) => `${b.file}:${b.line} ${b.target}: ${b.why}`), []);
    });
  }

  it('anchors are GitHub heading slugs, numbered when repeated; code and HTML ids count as GitHub counts them', () => {
    assert.equal(slug('Running it on its own'), 'running-it-on-its-own');
    assert.equal(slug('`<timio-call-button>`'), 'timio-call-button');
    assert.equal(slug('`npm start`'), 'npm-start');
    assert.equal(slug('Tests and benchmark'), 'tests-and-benchmark');
    assert.equal(slug('Sizing: tokens/s & pages (per core)'), 'sizing-tokenss--pages-per-core');
    assert.equal(slug('Größe und Übergänge'), 'größe-und-übergänge');
    const doc = ['# Title', '## Setup', 'text', '## Setup', '```sh', '# not a heading', '```', '<a id="custom"></a>', '### `<timio-room-bar>` [ref](x.md)'].join('\n');
    assert.deepEqual([...anchorsOf(doc)].sort(), ['custom', 'setup', 'setup-1', 'timio-room-bar-ref', 'title']);
  });

  it('finds inline and reference links, not the ones in code', () => {
    const doc = 'See [a](docs/a.md#x) and ![pic](p.png "t").\n`[no](code.md)`\n```\n[no](fence.md)\n```\n[ref]: bench/README.md';
    assert.deepEqual(linksOf(doc), [{ target: 'docs/a.md#x', line: 1 }, { target: 'p.png', line: 1 }, { target: 'bench/README.md', line: 6 }]);
  });

  it('reports a missing file, a missing anchor here and in another file, and a link out of the repository; accepts the good ones', () => {
    const fixtures: Record<string, string> = { [join(root, 'docs', 'other.md')]: '# Other\n## Has this\n' };
    const files = { exists: (p: string) => p in fixtures || existsSync(p), read: (p: string) => fixtures[p] ?? readFileSync(p, 'utf8') };
    const doc = [
      '# Page', '## Known part',
      '[ok](#known-part) [ok](other.md#has-this) [ok](../sdk/) [site](https://example.com/x#y) [mail](mailto:a@b.c)',
      '[gone](no-such-file.md)', '[bad here](#unknown-part)', '[bad there](../README.md#no-such-heading-anywhere)',
      '[out](../../elsewhere.md)',
    ].join('\n');
    const broken = brokenLinks(root, 'docs/page.md', doc, files);
    assert.deepEqual(broken.map((b) => [b.line, b.target]), [
      [4, 'no-such-file.md'], [5, '#unknown-part'], [6, '../README.md#no-such-heading-anywhere'], [7, '../../elsewhere.md'],
    ]);
    assert.match(broken[0]!.why, /docs\/no-such-file\.md does not exist/);
    assert.match(broken[2]!.why, /README\.md has no heading with anchor #no-such-heading-anywhere/);
  });
});
