// The build squeezes the SDK's style modules (scripts/build/compact-css.mjs): every rule must mean
// the same to a browser afterwards. Chromium parses each css`…` template before and after, and
// the parsed rules must be equal.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../testing/cross-process/chromium.js';
// @ts-expect-error plain JavaScript module of the build, no types
import { compactCssTemplates } from './compact-css.mjs';

const compact = compactCssTemplates as (code: string) => string;

function styleModules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return styleModules(p);
    return name.endsWith('.styles.ts') ? [p] : [];
  });
}

const templates = (code: string) => [...code.matchAll(/\bcss`([^`]*)`/g)].map((m) => m[1]!);

describe('compact-css (build)', () => {
  let browser: Browser;
  let page: Page;
  before(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  after(async () => browser?.close());

  const parsed = (css: string) => page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    return [...sheet.cssRules].map((r) => r.cssText);
  }, css);

  const files = styleModules(join(import.meta.dirname, '../../sdk/src'));

  it('finds the style modules of the light part and the views', () => {
    assert.ok(files.some((f) => f.endsWith('notifications.styles.ts')));
    assert.ok(files.some((f) => f.endsWith('video-tile.styles.ts')));
  });

  it('leaves every rule of every style module as the browser parses it, and makes each smaller', async () => {
    let before = 0;
    let afterSize = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const original = templates(source);
      const compacted = templates(compact(source));
      assert.equal(compacted.length, original.length, file);
      assert.ok(original.length > 0, `${file} has a css template`);
      for (const [i, text] of original.entries()) {
        const rules = await parsed(text);
        assert.ok(rules.length > 0, `${file} #${i} parses to rules`);
        assert.deepEqual(await parsed(compacted[i]!), rules, `${file} #${i}`);
        assert.ok(compacted[i]!.length < text.length, `${file} #${i} got smaller`);
        before += text.length;
        afterSize += compacted[i]!.length;
      }
    }
    assert.ok(afterSize < before * 0.85, `${before} → ${afterSize} characters`);
  });

  it('keeps a space next to an interpolation and leaves the interpolation as written', () => {
    const code = 'const s = css`\n  .a {\n    margin: ${x} ${y(`${z} { }`)};\n  }\n  /* why */\n  .b > .c,\n  .d { color: red; }\n`;';
    assert.equal(compact(code), 'const s = css`.a{margin:${x} ${y(`${z} { }`)}}.b>.c, .d{color:red}`;');
  });

  it('leaves other templates as they are', () => {
    const code = 'const h = html`\n  <p>  a  { b; }  </p>\n`;\nconst c = css`p { }`;';
    assert.equal(compact(code), code.replace('css`p { }`', 'css`p{}`'));
  });
});
