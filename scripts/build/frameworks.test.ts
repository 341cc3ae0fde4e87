// The package in a React 19 / Vue 3 host's project, as the guides (docs/react.md, docs/vue.md,
// docs/server-rendering.md) tell a host to use it: `npm pack` of the built package installed from
// its tarball into a project with react, react-dom, vue, typescript and vue-tsc (prepared by
// scripts/build/consumer.mjs; see there why the registry part happens before `npm test` enters its
// network namespace). Then, as the host sees it:
//  - Node imports `timio-calls` and `timio-calls/guest` (a server renderer does) without error;
//  - react-dom/server renders the component with <timio-call-button contact="ben">, and Vue's
//    server renderer such tags too;
//  - tsc (skipLibCheck false) and vue-tsc accept the component and the SFC typed by
//    `timio-calls/react` / `timio-calls/vue`, and report a misspelt attribute, a handler for the
//    wrong event and an unknown attribute value, each where it is;
//  - Chromium loads the server-rendered page, React hydrates it with the SDK bundled by esbuild
//    (as a host's bundler does), and Anna's call button appears when Ben signs in and calls him.
// Needs `npm run build`. Run: node scripts/node-tests.mjs scripts/build/frameworks.test.ts
// (inside `unshare -n` too, once `node scripts/build/consumer.mjs` has prepared the project.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../testing/cross-process/chromium.js';
import { WAIT_MS } from '../../testing/wait.js';
import { startMediaServer, type MediaServer } from '../../dev-media-server/src/server.js';
import { startPortalAndService, type PortalAndService } from '../../testing/cross-process/stack.js';
import { signIn, type Person } from '../../testing/cross-process/people.js';
// @ts-expect-error plain JavaScript module (scripts/test.mjs imports it too), no types
import * as consumerModule from './consumer.mjs';

const consumer = consumerModule as {
  root: string;
  consumerDir: string;
  consumerReady(): boolean;
  prepareConsumer(): boolean;
  pack(dir: string): string;
  installTarball(tarball: string): void;
};
const { root, consumerDir: dir } = consumer;
const run = promisify(execFile);
const fixtures = join(import.meta.dirname, 'consumer');

/** Runs a checker; its diagnostics as `file(line): message` lines (the exit code says nothing more). */
async function diagnostics(bin: string, project: string): Promise<string[]> {
  const r = await run(process.execPath, [join(dir, 'node_modules', bin), '-p', project, '--pretty', 'false'], { cwd: dir, maxBuffer: 16 << 20 }).catch((e: { stdout: string; stderr: string }) => e);
  // A message's further lines are indented: each error on one line.
  return `${r.stdout}${r.stderr}`.replace(/\n\s+/g, ' ').split('\n').filter((l) => /\): error TS/.test(l)).map((l) => l.replace(/^(.*?)\((\d+),\d+\): error (TS\d+): /, '$1($2): $3 '));
}

function tsconfig(name: string, compilerOptions: Record<string, unknown>, rest: Record<string, unknown>) {
  writeFileSync(join(dir, name), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      strict: true, noEmit: true, isolatedModules: true, skipLibCheck: false,
      // Checking lib.dom and React's or Vue's types (skipLibCheck false) is most of the time: kept in the
      // prepared project between runs, so a run checks again only files whose content changed.
      incremental: true, tsBuildInfoFile: join('.tsbuildinfo', name),
      ...compilerOptions,
    },
    ...rest,
  }, null, 2));
}

describe('a React 19 and Vue 3 host project with the packed package', { timeout: 300_000 }, () => {
  let tmp: string;
  let reactChecked: Promise<string[]>;
  let vueChecked: Promise<string[]>;

  /** App rendered by react-dom/server in a Node process of the host's project. */
  const renderOnServer = async (props: { tokenServiceUrl: string; portalTokenUrl: string }) => {
    const script = `import { render } from './out/server.js'; process.stdout.write(render(${JSON.stringify(props)}));`;
    return (await run(process.execPath, ['--input-type=module', '-e', script], { cwd: dir })).stdout;
  };

  before(async () => {
    for (const f of ['dist/timio.js', 'dist/npm/index.js', 'dist/npm/react.d.ts', 'dist/npm/vue.d.ts']) {
      assert.ok(existsSync(join(root, f)), `${f} exists (run \`npm run build\` first)`);
    }
    if (!consumer.consumerReady()) {
      // Inside npm test's network namespace the registry is unreachable: scripts/test.mjs prepares it before.
      assert.notEqual(process.env.TIMIO_NETNS, '1', `the host project is not prepared: run \`node scripts/build/consumer.mjs\` with network access (${dir})`);
      consumer.prepareConsumer();
    }
    tmp = mkdtempSync(join(root, '.tmp-frameworks-'));
    consumer.installTarball(consumer.pack(tmp));
    rmSync(join(dir, 'src'), { recursive: true, force: true });
    cpSync(fixtures, join(dir, 'src'), { recursive: true });

    // The checks take their time: both start now and are awaited by their tests.
    tsconfig('tsconfig.react.json', { jsx: 'react-jsx', types: ['timio-calls/react'] }, { files: ['src/App.tsx', 'src/Handlers.tsx', 'src/Misspelt.tsx', 'src/client.tsx', 'src/server.tsx'] });
    tsconfig('tsconfig.vue.json', { jsx: 'preserve', types: ['timio-calls/vue'] }, { include: ['src/*.vue'], vueCompilerOptions: { strictTemplates: true } });
    reactChecked = diagnostics('typescript/bin/tsc', 'tsconfig.react.json');
    vueChecked = diagnostics('vue-tsc/bin/vue-tsc.js', 'tsconfig.vue.json');
    reactChecked.catch(() => undefined);
    vueChecked.catch(() => undefined);

    // The server build of the component, as a framework's server bundle would be (packages from node_modules).
    await build({
      entryPoints: [join(dir, 'src', 'server.tsx')], outfile: join(dir, 'out', 'server.js'), bundle: true, packages: 'external',
      platform: 'node', format: 'esm', jsx: 'automatic', logLevel: 'error',
    });
  });

  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('Node imports timio-calls and timio-calls/guest without error: the elements are defined, nothing of a page is touched', async () => {
    const script = `
      const main = await import('timio-calls');
      const guest = await import('timio-calls/guest');
      console.log(JSON.stringify({
        version: main.timio.version, guest: typeof guest.TimioGuestJoin, document: typeof document, window: typeof window,
        defined: ['timio-call-button', 'timio-contact', 'timio-notifications', 'timio-config', 'timio-room-bar', 'timio-guest-join'].filter((t) => globalThis.customElements?.get(t)),
      }));`;
    const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: dir });
    assert.equal(stderr, '');
    assert.deepEqual(JSON.parse(stdout), {
      version: '0.1.0', guest: 'function', document: 'undefined', window: 'undefined',
      // registered in the registry Lit's Node build provides (what Lit's server renderer reads)
      defined: ['timio-call-button', 'timio-contact', 'timio-notifications', 'timio-config', 'timio-room-bar', 'timio-guest-join'],
    });
  });

  it('react-dom/server renders the component: the bare tags with their attributes, no handler in the HTML', async () => {
    const html = await renderOnServer({ tokenServiceUrl: 'https://portal.example/timio-api', portalTokenUrl: '/api/portal-token' });
    assert.match(html, /<timio-call-button contact="ben" name="Ben Müller"><\/timio-call-button>/);
    assert.match(html, /<timio-config token-service-url="https:\/\/portal.example\/timio-api" portal-token-url="\/api\/portal-token" locale="de"><\/timio-config>/);
    assert.match(html, /<timio-contact contact="ben" keep-click="">Ben Müller<\/timio-contact>/);
    assert.match(html, /<timio-room-bar room="vertrieb" compact=""><\/timio-room-bar>/);
    assert.doesNotMatch(html, /ontimio|<timio-notifications/);
  });

  it("Vue's server renderer renders the tags too, with the SDK imported on the server", async () => {
    const script = `
      import 'timio-calls';
      import { createSSRApp } from 'vue';
      import { renderToString } from 'vue/server-renderer';
      const app = createSSRApp({ template: '<timio-call-button contact="ben" name="Ben Müller" @timio-call-request="() => {}" /><timio-room-bar room="vertrieb" compact />' });
      app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('timio-');
      process.stdout.write(await renderToString(app));`;
    const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: dir });
    assert.equal(stderr, '');
    assert.match(stdout, /<timio-call-button contact="ben" name="Ben Müller"><\/timio-call-button>/);
    assert.match(stdout, /<timio-room-bar room="vertrieb" compact><\/timio-room-bar>/);
  });

  it('tsc (skipLibCheck false) accepts the React component typed by timio-calls/react, and reports each mistake where it is', async () => {
    const errors = await reactChecked;
    const at = (line: number) => errors.filter((e) => e.startsWith(`src/Misspelt.tsx(${line}):`)).join('\n');
    assert.match(at(8), /'contcat' does not exist/, errors.join('\n'));
    assert.match(at(9), /TimioCallEndedEvent/, errors.join('\n'));
    assert.match(at(10), /"blue"/, errors.join('\n'));
    assert.equal(errors.length, 3, `only these three errors:\n${errors.join('\n')}`);
  });

  it('vue-tsc (strictTemplates, skipLibCheck false) accepts the SFC typed by timio-calls/vue, and reports each mistake where it is', async () => {
    const errors = await vueChecked;
    const at = (line: number) => errors.filter((e) => e.startsWith(`src/Misspelt.vue(${line}):`)).join('\n');
    assert.match(at(8), /contcat/, errors.join('\n'));
    assert.match(at(9), /TimioCallEndedEvent/, errors.join('\n'));
    assert.match(at(10), /"blue"/, errors.join('\n'));
    assert.equal(errors.length, 3, `only these three errors:\n${errors.join('\n')}`);
  });

  describe('in Chromium: the server-rendered page, hydrated with the SDK bundled from the package', { timeout: 240_000 }, () => {
    let media: MediaServer | undefined;
    let stack: PortalAndService;
    let browser: Browser;
    const people: Person[] = [];
    const site = () => join(tmp, 'site');

    before(async () => {
      // The demo portal serves its /sdk/ folder: the script-tag SDK for its own pages (Ben's) and, beside
      // it, the React page (Anna's), so the page and /api/portal-token share the portal's origin.
      mkdirSync(join(site(), 'react'), { recursive: true });
      for (const f of ['timio.js', 'timio-guest.js', 'chunks']) symlinkSync(join(root, 'dist', f), join(site(), f));
      const bundled = build({
        entryPoints: [join(dir, 'src', 'client.tsx')], outdir: join(site(), 'react'), bundle: true, splitting: true, format: 'esm',
        platform: 'browser', jsx: 'automatic', logLevel: 'error', define: { 'process.env.NODE_ENV': '"development"' },
      });
      [stack, browser] = await Promise.all([
        startPortalAndService({
          distDir: site(),
          livekit: async (tokenServiceUrl) => {
            media = await startMediaServer({ port: 0, webhookUrls: [`${tokenServiceUrl}/v1/livekit/webhook`] });
            return media.url;
          },
          env: () => ({ PRESENCE_GRACE_SECONDS: '0' }),
        }),
        launchChromium(),
        bundled,
      ]);
      const body = await renderOnServer({ tokenServiceUrl: stack.tokenServiceUrl, portalTokenUrl: '/api/portal-token' });
      writeFileSync(join(site(), 'react', 'index.html'), `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>React portal</title>
<script type="module" src="/sdk/react/client.js"></script></head>
<body><div id="root" data-token-service-url="${stack.tokenServiceUrl}" data-portal-token-url="/api/portal-token">${body}</div></body></html>`);
    });

    after(async () => {
      await Promise.all(people.map((p) => p.close().catch(() => undefined)));
      await browser?.close();
      await stack?.close();
      await media?.close();
    });

    it("Anna's call button for Ben appears when he signs in, and calls him; React sees the request and the end", async () => {
      const anna = await signIn(browser, stack.portal.url, 'anna');
      people.push(anna);
      const errors: string[] = [];
      anna.page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
      anna.page.on('pageerror', (err) => errors.push(err.message));
      const response = await anna.page.goto(`${stack.portal.url}/sdk/react/index.html`);
      // What the server sent: the bare tag, upgraded in the browser once the SDK loads.
      assert.match((await response!.text()), /<timio-call-button contact="ben" name="Ben Müller"><\/timio-call-button>/);
      // The SDK loaded after hydration and upgraded the tags; the notifications element is added.
      await anna.page.waitForFunction(() => document.querySelector('timio-call-button')?.getAttribute('status') === 'offline' && !!document.querySelector('body > timio-notifications'));
      const button = anna.page.locator('timio-call-button[contact="ben"] button');
      assert.equal(await button.isVisible(), false, 'no call button while Ben is not signed in');

      const ben = await signIn(browser, stack.portal.url, 'ben');
      people.push(ben);
      await button.waitFor({ state: 'visible', timeout: WAIT_MS });
      await button.click();
      // The listener the component added through its ref ran, and the call rings at Ben's.
      await anna.page.locator('#requested', { hasText: 'ben' }).waitFor({ timeout: WAIT_MS });
      const incoming = ben.page.locator('timio-notifications .popup.incoming');
      await incoming.waitFor({ timeout: WAIT_MS });
      await incoming.locator('.decline').click();
      // React's document listener got timio-call-ended with the outcome.
      await anna.page.locator('#last-call', { hasText: 'declined' }).waitFor({ timeout: WAIT_MS });
      assert.deepEqual(errors.filter((e) => /hydrat|did not match|mismatch/i.test(e)), [], 'React hydrated without a mismatch');
    });
  });
});
