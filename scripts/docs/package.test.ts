// The npm package's shape, as a consumer gets it: `npm pack` of the built package, unpacked into
// a consumer's node_modules, then resolved through the `exports` map by Node and type-checked by
// TypeScript (bundler and NodeNext resolution). Needs `npm run build` first (npm test builds).
// Run: node scripts/node-tests.mjs scripts/docs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './manifest.js';

const TSC = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

describe('the npm package', () => {
  // Inside the repository so the consumer's type check finds lit's types in its node_modules.
  let dir: string;
  let consumer: string;
  let installed: string;
  let packed: string[];

  before(() => {
    for (const f of ['dist/timio.js', 'dist/npm/index.js', 'dist/npm/index.d.ts', 'dist/custom-elements.json']) {
      assert.ok(existsSync(join(root, f)), `${f} exists (run \`npm run build\` first)`);
    }
    dir = mkdtempSync(join(root, '.tmp-pack-'));
    const [info] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8' })) as Array<{ filename: string; files: Array<{ path: string }> }>;
    packed = info!.files.map((f) => f.path);
    consumer = join(dir, 'consumer');
    installed = join(consumer, 'node_modules', 'timio-calls');
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['xzf', join(dir, info!.filename), '--strip-components=1', '-C', installed]);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds the script-tag bundle with its chunks, the ES modules, their types and the manifest, and no server code', () => {
    for (const f of ['dist/timio.js', 'dist/npm/index.js', 'dist/npm/index.d.ts', 'dist/custom-elements.json', 'README.md', 'package.json']) {
      assert.ok(packed.includes(f), `${f} is in the package`);
    }
    // Chunk names follow what rollup shares between entries: the call window's chunk is found by its element.
    const chunks = packed.filter((f) => /^dist\/chunks\/.*\.js$/.test(f));
    assert.ok(chunks.some((f) => readFileSync(join(installed, f), 'utf8').includes('"timio-call"')), `the call window chunk is in the package (${chunks.join(', ')})`);
    assert.deepEqual(packed.filter((f) => /^(protocol|sdk|token-service|dev-media-server|demo-host|e2e|testing|scripts)\//.test(f)), []);
  });

  it('resolves through the exports map in Node, and keeps other paths private', () => {
    const script = `
      const r = (s) => { try { return import.meta.resolve(s); } catch (e) { return e.code; } };
      console.log(JSON.stringify({
        main: r('timio-calls'), bundle: r('timio-calls/timio.js'), manifest: r('timio-calls/custom-elements.json'),
        pkg: r('timio-calls/package.json'), hidden: r('timio-calls/dist/npm/index.js'),
      }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, encoding: 'utf8' })) as Record<string, string>;
    const file = (p: string) => new URL(`file://${join(installed, p)}`).href;
    assert.equal(out.main, file('dist/npm/index.js'));
    assert.equal(out.bundle, file('dist/timio.js'));
    assert.equal(out.manifest, file('dist/custom-elements.json'));
    assert.equal(out.pkg, file('package.json'));
    assert.equal(out.hidden, 'ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  it("names the manifest in package.json, and the manifest's modules are files of the package", () => {
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { customElements: string };
    const manifest = JSON.parse(readFileSync(join(installed, pkg.customElements), 'utf8')) as { modules: Array<{ path: string }> };
    const elementModules = manifest.modules.filter((m) => /component\.js$/.test(m.path));
    assert.ok(elementModules.length >= 5, 'the element modules are listed');
    for (const m of manifest.modules) assert.ok(existsSync(join(installed, m.path)), `${m.path} is in the package`);
  });

  for (const resolution of ['bundler', 'nodenext'] as const) {
    it(`gives TypeScript consumers its types (moduleResolution ${resolution})`, () => {
      writeFileSync(join(consumer, 'app.ts'), `
import { timio, TimioCallButton, TimioCallEndedEvent, type CallInfo } from 'timio-calls';
import { timio as fromBundle } from 'timio-calls/timio.js';

const button = document.createElement('timio-call-button');
const typed: TimioCallButton = button;
typed.contact = 'anna';
// @ts-expect-error a contact id is a string
typed.contact = 5;
timio.configure({ tokenServiceUrl: 'https://portal.example/timio-api', locale: 'de' });
fromBundle.configure({ tokenServiceUrl: '/timio-api' });
document.addEventListener('timio-call-ended', (e: TimioCallEndedEvent) => {
  const call: CallInfo = e.detail;
  console.log(call.outcome, call.durationSeconds);
});
`);
      writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({
        compilerOptions: {
          target: 'ES2022', module: resolution === 'bundler' ? 'ESNext' : 'NodeNext', moduleResolution: resolution,
          strict: true, noEmit: true, lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [], skipLibCheck: true,
        },
        files: ['app.ts'],
      }));
      const r = spawnSync(process.execPath, [TSC, '-p', consumer], { encoding: 'utf8' });
      assert.equal(r.status, 0, `tsc: ${r.stdout}${r.stderr}`);
    });
  }
});
