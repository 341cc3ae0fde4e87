// Rollup plugin: squeezes the whitespace and comments out of the css`…` templates of the SDK's
// style modules (*.styles.ts) before they are compiled. terser leaves template text as written,
// and the indentation of the style blocks is a good part of the light part's gzip size.
// Only the static text between interpolations changes: a space next to a ${…} stays, so
// `margin: ${a} ${b}` keeps its meaning; the space after a comma stays too (in a var() fallback it
// is part of a custom property's value). compact-css.test.ts has Chromium parse every style module
// before and after.

/** The index just past the `${…}` expression that starts at `start` (just after `${`). */
function skipExpression(code, start) {
  let depth = 1;
  let i = start;
  while (i < code.length) {
    const c = code[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
    else if (c === "'" || c === '"') i = skipQuoted(code, i);
    else if (c === '`') i = skipTemplate(code, i + 1) - 1;
    i++;
  }
  throw new Error('compact-css: unterminated ${ in a css template');
}

function skipQuoted(code, start) {
  const quote = code[start];
  for (let i = start + 1; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === quote) return i;
  }
  throw new Error('compact-css: unterminated string');
}

/** The index just past the closing backtick of the template whose text starts at `start`. */
function skipTemplate(code, start) {
  for (let i = start; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === '`') return i + 1;
    else if (code[i] === '$' && code[i + 1] === '{') i = skipExpression(code, i + 2) - 1;
  }
  throw new Error('compact-css: unterminated template');
}

/** The static pieces of CSS text, compacted; `first`/`last` say whether it opens or closes the template. */
export function compactCss(text, first, last) {
  let out = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};>]) ?/g, '$1')
    // "color: red" → "color:red": after a colon a space only ever follows a property or a media
    // feature's name (no style module has a colon followed by a space inside a string).
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
  if (first) out = out.replace(/^ /, '');
  if (last) out = out.replace(/ $/, '');
  return out;
}

/** Rewrites every css`…` template of a module. */
export function compactCssTemplates(code) {
  let out = '';
  let from = 0;
  for (const match of code.matchAll(/\bcss`/g)) {
    if (match.index < from) continue; // inside a template already rewritten
    const open = match.index + match[0].length;
    out += code.slice(from, open);
    let i = open;
    let piece = open;
    let first = true;
    for (;;) {
      const c = code[i];
      if (c === undefined) throw new Error('compact-css: unterminated css template');
      if (c === '\\') { i += 2; continue; }
      if (c === '`') {
        out += compactCss(code.slice(piece, i), first, true) + '`';
        i++;
        break;
      }
      if (c === '$' && code[i + 1] === '{') {
        const end = skipExpression(code, i + 2);
        out += compactCss(code.slice(piece, i), first, false) + code.slice(i, end);
        first = false;
        i = piece = end;
        continue;
      }
      i++;
    }
    from = i;
  }
  return out + code.slice(from);
}

export function compactCssPlugin() {
  return {
    name: 'timio-compact-css',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      const compacted = compactCssTemplates(code);
      // The style modules hold only CSS text: mapping their lines is not worth a source map.
      return compacted === code ? null : { code: compacted, map: { mappings: '' } };
    },
  };
}
