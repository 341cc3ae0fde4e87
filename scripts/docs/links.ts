// Relative links in the repository's markdown: every `[text](target)` and `[label]: target` outside
// code must name a file or folder that exists, and its `#anchor` a heading (or an HTML id) of the
// markdown file it points to, by GitHub's rules for heading anchors. Links to other sites are not
// followed (the docs test runs without a network).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** GitHub's anchor for a heading's text: lower case, punctuation other than `-` and `_` dropped, each space a `-`. */
export function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '').replace(/\s/g, '-');
}

/** The markdown with fenced code blocks and inline code blanked out (links in code are examples, not links). */
function withoutCode(markdown: string): string {
  let fence: string | undefined;
  const lines = markdown.split('\n').map((line) => {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === undefined && open) {
      fence = open[1]!;
      return '';
    }
    if (fence !== undefined) {
      if (new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(line)) fence = undefined;
      return '';
    }
    return line;
  });
  // an inline code span stays within its paragraph
  return lines.join('\n').replace(/(`+)(?:[^`\n]|\n(?![ \t]*\n))+?\1/g, (span) => span.replace(/[^\n]/g, ' '));
}

/** The anchors a markdown file offers: its headings' slugs (a repeated slug gets -1, -2, …) and HTML ids. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const text = withoutCode(markdown);
  // headings are read from the original line (their inline code counts), on lines outside code blocks
  const original = markdown.split('\n');
  text.split('\n').forEach((line, i) => {
    if (!/^ {0,3}#{1,6}\s/.test(line)) return;
    const heading = original[i]!.replace(/^ {0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '')
      // a link in a heading counts by its text
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = slug(heading);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  });
  for (const m of text.matchAll(/<a\s[^>]*\b(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
  return anchors;
}

export interface Link { target: string; line: number }

/** The link targets of a markdown text, with their line numbers (1-based); images included. */
export function linksOf(markdown: string): Link[] {
  const text = withoutCode(markdown);
  const links: Link[] = [];
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  // inline: [text](target "title") — target up to whitespace or the closing parenthesis; <target> allowed
  for (const m of text.matchAll(/\]\(\s*(<[^>]*>|[^\s)]*)(?:\s+"[^"]*")?\s*\)/g)) {
    links.push({ target: m[1]!.replace(/^<|>$/g, ''), line: lineAt(m.index!) });
  }
  // reference definitions: [label]: target
  for (const m of text.matchAll(/^ {0,3}\[[^\]]+\]:\s*(\S+)/gm)) links.push({ target: m[1]!, line: lineAt(m.index!) });
  return links;
}

/** A link to another site, a mail address or the like: not checked here. */
const external = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

/** How the check sees the tree: whether a path exists, and a markdown file's text. */
export interface Files { exists(path: string): boolean; read(path: string): string }
const disk: Files = { exists: existsSync, read: (p) => readFileSync(p, 'utf8') };

export interface Broken { file: string; line: number; target: string; why: string }

/**
 * Checks the links of `file` (relative to `root`, whose text is `markdown`): the file or folder a
 * relative link names exists inside the repository, and an anchor names a heading of that markdown
 * file (of this one for `#anchor`). `files` reads the tree (tests hand in fixtures).
 */
export function brokenLinks(root: string, file: string, markdown: string, files: Files = disk): Broken[] {
  const broken: Broken[] = [];
  const cache = new Map<string, Set<string>>();
  const anchorsIn = (path: string) => {
    if (!cache.has(path)) cache.set(path, anchorsOf(path === join(root, file) ? markdown : files.read(path)));
    return cache.get(path)!;
  };
  for (const { target, line } of linksOf(markdown)) {
    if (!target || external(target)) continue;
    const hash = target.indexOf('#');
    const pathPart = decodeURI(hash < 0 ? target : target.slice(0, hash)).replace(/\?.*$/, '');
    const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
    const path = pathPart ? (pathPart.startsWith('/') ? join(root, pathPart) : join(dirname(join(root, file)), pathPart)) : join(root, file);
    const inside = relative(root, normalize(path));
    if (inside.startsWith('..')) {
      broken.push({ file, line, target, why: 'points outside the repository' });
      continue;
    }
    if (pathPart && !files.exists(path)) {
      broken.push({ file, line, target, why: `${inside} does not exist` });
      continue;
    }
    if (anchor === undefined || anchor === '') continue;
    if (!path.endsWith('.md')) continue; // anchors of source files (#L10) are GitHub's line links
    if (!anchorsIn(path).has(anchor)) broken.push({ file, line, target, why: `${inside} has no heading with anchor #${anchor}` });
  }
  return broken;
}
