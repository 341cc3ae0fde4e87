// The README's element reference, rendered from the Custom Elements Manifest: per element its
// attributes and properties, methods, events, slots, CSS parts and CSS custom properties.
// It lives between two marker comments; everything else in the README is written by hand.
import type { Attribute, ClassDeclaration, ClassField, ClassMethod, CustomElement, Package } from 'custom-elements-manifest/schema';

/** A class that the manifest marks as a custom element (the schema's own type lacks the fields). */
export type ElementDeclaration = ClassDeclaration & CustomElement;

export const START = '<!-- element-reference:start (generated from dist/custom-elements.json by `npm run docs`; edit the JSDoc in sdk/src, not this) -->';
export const END = '<!-- element-reference:end -->';

/** Every custom element of the manifest with its tag, by tag name. */
export function customElements(manifest: Package): ElementDeclaration[] {
  return manifest.modules
    .flatMap((m) => (m.declarations ?? []) as unknown as Array<Partial<ElementDeclaration>>)
    .filter((d): d is ElementDeclaration => d.kind === 'class' && !!d.customElement && !!d.tagName)
    .sort((a, b) => a.tagName!.localeCompare(b.tagName!));
}

/** Text for one markdown table cell: one line, pipes escaped. */
function cell(text: string | undefined): string {
  return (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

const code = (text: string | undefined) => (text ? `\`${cell(text)}\`` : '');

function table(head: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [];
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

const isPublic = (m: { privacy?: string; static?: boolean; name: string }) => !m.privacy || m.privacy === 'public' ? !m.static && !m.name.startsWith('_') : false;

function properties(el: ElementDeclaration): string[][] {
  // `reflects` and `readonly` are written by the analyzer's Lit plugin, beyond the schema
  const fields = (el.members ?? []).filter((m): m is ClassField & { reflects?: boolean; readonly?: boolean } => m.kind === 'field' && isPublic(m));
  const attributes = new Map<string, Attribute>((el.attributes ?? []).map((a) => [a.fieldName ?? a.name, a]));
  return fields.map((f) => {
    const attr = attributes.get(f.name);
    const attribute = attr ? `${code(attr.name)}${f.reflects ? ' (reflected)' : ''}` : '–';
    return [attribute, `${code(f.name)}${f.readonly ? ' (read-only)' : ''}`, code(f.type?.text), code(f.default), cell(f.description)];
  });
}

function methods(el: ElementDeclaration): string[][] {
  return (el.members ?? [])
    .filter((m): m is ClassMethod => m.kind === 'method' && isPublic(m))
    .map((m) => {
      const params = (m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}${p.type ? `: ${p.type.text}` : ''}${p.default ? ` = ${p.default}` : ''}`);
      return [code(`${m.name}(${params.join(', ')})`), code(m.return?.type?.text), cell(m.description)];
    });
}

export function renderReference(manifest: Package): string {
  const lines: string[] = [START, ''];
  for (const el of customElements(manifest)) {
    lines.push(`#### \`<${el.tagName}>\` reference`, '');
    if (el.description) lines.push(el.description.trim(), '');
    lines.push(...table(['attribute', 'property', 'type', 'default', 'description'], properties(el)));
    lines.push(...table(['method', 'returns', 'description'], methods(el)));
    lines.push(...table(['event', 'description'], (el.events ?? []).map((e) => [code(e.name), cell(e.description)])));
    lines.push(...table(['slot', 'description'], (el.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)])));
    lines.push(...table(['CSS part', 'description'], (el.cssParts ?? []).map((p) => [code(p.name), cell(p.description)])));
    lines.push(...table(['CSS custom property', 'description'], (el.cssProperties ?? []).map((p) => [code(p.name), cell([p.description, p.default && `Default: ${p.default}.`].filter(Boolean).join(' '))])));
  }
  lines.push(END);
  return lines.join('\n');
}

/** The README with its reference section replaced by `reference` (which includes the markers). */
export function withReference(readme: string, reference: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no element reference markers (${START} … ${END})`);
  return readme.slice(0, start) + reference + readme.slice(end + END.length);
}
