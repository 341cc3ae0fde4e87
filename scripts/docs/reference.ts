// docs/elements.md, rendered from the Custom Elements Manifest: per public element its attributes
// and properties, methods, events, slots, CSS parts and CSS custom properties. The whole file is
// generated (`npm run docs`); `npm run docs:check` fails when it differs from what the JSDoc says.
import { slug } from './links.js';
import type { Attribute, ClassDeclaration, ClassField, ClassMethod, CustomElement, Package } from 'custom-elements-manifest/schema';

/** A class that the manifest marks as a custom element (the schema's own type lacks the fields). */
export type ElementDeclaration = ClassDeclaration & CustomElement;

/** Where the reference lives, relative to the repository root. */
export const ELEMENTS_DOC = 'docs/elements.md';

/**
 * Elements a host deals with although no entry exports their class: both come in the chunk that is
 * loaded on demand (exporting them would pull livekit-client's types into the light entries).
 * <timio-conference> the host places; <timio-call>, the call window, the SDK opens, and the host
 * styles it (`--timio-call-mode`, parts) and hears its events. Every other element without an
 * exported class (control bar, tiles, panels, …) is a part of these two, not an API.
 */
export const ON_DEMAND_PUBLIC: Record<string, string> = {
  'timio-call': 'the call window: the SDK opens it when a call is answered (its code comes in the call window chunk); the host styles it and hears its events',
  'timio-conference': 'the host places it; its code comes in the conference chunk, loaded when the person joins a meeting',
};

/** The package entries, by manifest module, and how a host loads each. */
const ENTRIES: Record<string, string> = {
  'dist/npm/index.js': '`timio.js` / `timio-calls`',
  'dist/npm/guest.js': '`timio-guest.js` / `timio-calls/guest`',
};

/** Every custom element of the manifest with its tag, by tag name. */
export function customElements(manifest: Package): ElementDeclaration[] {
  return manifest.modules
    .flatMap((m) => (m.declarations ?? []) as unknown as Array<Partial<ElementDeclaration>>)
    .filter((d): d is ElementDeclaration => d.kind === 'class' && !!d.customElement && !!d.tagName)
    .sort((a, b) => a.tagName!.localeCompare(b.tagName!));
}

/** Where a host gets an element: the entry that exports its class, or the on-demand note; undefined when internal. */
export function loadedBy(manifest: Package, el: ElementDeclaration): string | undefined {
  for (const [path, label] of Object.entries(ENTRIES)) {
    const exported = manifest.modules.find((m) => m.path === path)?.exports ?? [];
    if (exported.some((e) => e.name === el.name)) return `registered by ${label}`;
  }
  return ON_DEMAND_PUBLIC[el.tagName!];
}

/** The elements a host uses (see loadedBy), by tag name. */
export function publicElements(manifest: Package): ElementDeclaration[] {
  return customElements(manifest).filter((el) => loadedBy(manifest, el) !== undefined);
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
  const elements = publicElements(manifest);
  const lines: string[] = [
    '<!-- generated from the components\' JSDoc by `npm run docs` (scripts/docs/reference.ts); edit the JSDoc in sdk/src, not this file -->',
    '# Element reference',
    '',
    'The elements a portal uses, with their attributes and properties, methods, events, slots, CSS parts',
    'and CSS custom properties. What each one does for the person using it is in [embedding](embedding.md#what-the-elements-do);',
    'the theme tokens every element reads are under [theming](embedding.md#theming). Events bubble and are composed.',
    '',
    ...elements.map((el) => `- [\`<${el.tagName}>\`](#${slug(`<${el.tagName}>`)}): ${loadedBy(manifest, el)}`),
    '',
  ];
  for (const el of elements) {
    lines.push(`## \`<${el.tagName}>\``, '');
    lines.push(`Class \`${el.name}\`, ${loadedBy(manifest, el)}.`, '');
    if (el.description) lines.push(el.description.trim(), '');
    lines.push(...table(['attribute', 'property', 'type', 'default', 'description'], properties(el)));
    lines.push(...table(['method', 'returns', 'description'], methods(el)));
    lines.push(...table(['event', 'description'], (el.events ?? []).map((e) => [code(e.name), cell(e.description)])));
    lines.push(...table(['slot', 'description'], (el.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)])));
    lines.push(...table(['CSS part', 'description'], (el.cssParts ?? []).map((p) => [code(p.name), cell(p.description)])));
    lines.push(...table(['CSS custom property', 'description'], (el.cssProperties ?? []).map((p) => [code(p.name), cell([p.description, p.default && `Default: ${p.default}.`].filter(Boolean).join(' '))])));
  }
  while (lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}
