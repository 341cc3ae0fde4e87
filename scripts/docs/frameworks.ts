// Template typings for React 19 and Vue 3, generated from the Custom Elements Manifest so they
// cannot drift from the elements: dist/npm/react.d.ts (JSX intrinsic elements) and
// dist/npm/vue.d.ts (GlobalComponents), shipped as the type-only entries `timio-calls/react` and
// `timio-calls/vue`. Written by `tsx scripts/docs.ts --manifest` (part of `npm run build`).
//
// What is typed, and why:
// - The elements a host places: those whose class an npm entry exports (`timio-calls`,
//   `timio-calls/guest`), and <timio-conference>, which a host places but the SDK loads on demand
//   (its class stays out of the entries' types, which would pull in livekit-client's: typed as
//   HTMLElement, its events through their own module). The call window and the conference's parts
//   are the SDK's own.
// - Attributes, under their attribute names (`token-service-url`, not `tokenServiceUrl`): a server
//   renderer writes every prop as an attribute, and React 19 in the browser sets a prop as a
//   property when the upgraded element has one of that name, else as an attribute; the attribute
//   name is right in both. Properties without an attribute exist only after the upgrade and are
//   left out, as are read-only ones (their description says "read-only", or that writing it has no effect).
// - Events the element dispatches: React 19 adds a listener for a function prop named `on` + the
//   event's exact name (`ontimio-call-request`); Vue maps `@timio-call-request` to
//   `onTimioCallRequest`. The event types come from HTMLElementEventMap, which the package augments.
import type { Attribute, ClassDeclaration, CustomElement, Event as ManifestEvent, Package } from 'custom-elements-manifest/schema';

interface TypedElement {
  tag: string;
  /** The element's type in refs; its class when an entry exports it. */
  className: string;
  /** Where className and the attribute types come from (relative to dist/npm); none for HTMLElement. */
  entry: string | undefined;
  description: string;
  attributes: Array<{ name: string; type: string; description: string }>;
  events: Array<{ name: string; description: string }>;
}

/** The npm entries and the .d.ts they are typed by, relative to dist/npm. */
const ENTRIES: Record<string, string> = { 'dist/npm/index.js': './index.js', 'dist/npm/guest.js': './guest.js', 'dist/npm/history.js': './history.js' };

/** Host elements that load on demand: the module (relative to dist/npm) whose .d.ts adds their events to the event maps. */
const ON_DEMAND: Record<string, string> = { 'timio-conference': './views/conference/events.js' };

function exportedNames(manifest: Package, module: string): Set<string> {
  return new Set((manifest.modules.find((m) => m.path === module)?.exports ?? []).map((e) => e.name));
}

export function typedElements(manifest: Package): TypedElement[] {
  const exported = Object.keys(ENTRIES).map((path) => ({ path, names: exportedNames(manifest, path) }));
  const elements: TypedElement[] = [];
  for (const mod of manifest.modules) {
    for (const decl of (mod.declarations ?? []) as Array<ClassDeclaration & Partial<CustomElement>>) {
      if (!decl.tagName || !decl.customElement) continue;
      const entry = exported.find((e) => e.names.has(decl.name));
      if (!entry && !ON_DEMAND[decl.tagName]) continue;
      const readOnly = (a: Attribute) => /read-only|writing it has no effect/i.test(a.description ?? '');
      elements.push({
        tag: decl.tagName,
        className: entry ? decl.name : 'HTMLElement',
        entry: entry ? ENTRIES[entry.path]! : undefined,
        description: decl.description ?? '',
        attributes: (decl.attributes ?? []).filter((a) => !readOnly(a)).map((a) => ({ name: a.name, type: attributeType(a), description: a.description ?? '' })),
        events: ((decl.events ?? []) as ManifestEvent[]).filter((e) => e.name).map((e) => ({ name: e.name, description: e.description ?? '' })),
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

function attributeType(a: Attribute): string {
  const text = a.type?.text ?? 'string';
  // `undefined` is what an absent attribute means; an optional prop says that already.
  return text.split('|').map((t) => t.trim()).filter((t) => t !== 'undefined').join(' | ') || 'string';
}

/** Type names the attribute types use; each must be exported by the element's entry. */
function typeImports(elements: TypedElement[], manifest: Package): Map<string, Set<string>> {
  const imports = new Map<string, Set<string>>();
  const add = (entry: string, name: string) => imports.set(entry, (imports.get(entry) ?? new Set()).add(name));
  for (const el of elements) {
    if (el.entry) add(el.entry, el.className);
    for (const a of el.attributes) {
      for (const name of a.type.match(/\b[A-Z]\w*\b/g) ?? []) {
        const path = Object.keys(ENTRIES).find((p) => ENTRIES[p] === el.entry);
        if (!path || !exportedNames(manifest, path).has(name)) {
          throw new Error(`<${el.tag} ${a.name}>: its type ${name} is not exported by ${el.entry ?? 'an npm entry'}; export it there so the framework typings can name it`);
        }
        add(el.entry!, name);
      }
    }
  }
  return imports;
}

const doc = (text: string, indent: string) => {
  const lines = text.replace(/\*\//g, '*\\/').split('\n');
  return lines.length === 1 ? `${indent}/** ${lines[0]} */\n` : `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join('\n')}\n${indent} */\n`;
};
const quote = (s: string) => `'${s}'`;
const camel = (s: string) => s.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
const eventType = (name: string) => `TimioEvent<${quote(name)}>`;

function header(manifest: Package, what: string, framework: string): string[] {
  const elements = typedElements(manifest);
  const imports = typeImports(elements, manifest);
  return [
    `// ${what}, generated from custom-elements.json by scripts/docs/frameworks.ts; do not edit.`,
    framework,
    ...[...imports].map(([entry, names]) => `import type { ${[...names].sort().join(', ')} } from '${entry}';`),
    // the on-demand elements' events, for TimioEvent below
    ...[...new Set(Object.values(ON_DEMAND))].map((module) => `import type {} from '${module}';`),
    '',
    '/** The event an element dispatches under this name (the package adds its events to HTMLElementEventMap). */',
    'type TimioEvent<K extends string> = K extends keyof HTMLElementEventMap ? HTMLElementEventMap[K] : Event;',
  ];
}

/** dist/npm/react.d.ts: React 19's JSX.IntrinsicElements. */
export function renderReactTypes(manifest: Package): string {
  const out = [
    ...header(manifest, 'React 19 JSX typings of the TIMIO elements', "import type { DetailedHTMLProps, HTMLAttributes } from 'react';"),
    '',
    '/** What React accepts on any element (key, ref, className, style, children, DOM events) plus the element\'s own. */',
    'type TimioElementProps<E extends HTMLElement, Own> = DetailedHTMLProps<HTMLAttributes<E>, E> & Own;',
    '',
    "declare module 'react' {",
    '  namespace JSX {',
    '    interface IntrinsicElements {',
  ];
  for (const el of typedElements(manifest)) {
    out.push(doc(el.description, '      ').trimEnd(), `      ${quote(el.tag)}: TimioElementProps<${el.className}, {`);
    for (const a of el.attributes) out.push(doc(a.description, '        ').trimEnd(), `        ${quote(a.name)}?: ${a.type};`);
    for (const e of el.events) out.push(doc(e.description, '        ').trimEnd(), `        ${quote(`on${e.name}`)}?: (event: ${eventType(e.name)}) => void;`);
    out.push('      }>;');
  }
  out.push('    }', '  }', '}', '');
  return out.join('\n');
}

/** dist/npm/vue.d.ts: Vue 3's GlobalComponents, for vue-tsc and Volar. */
export function renderVueTypes(manifest: Package): string {
  const out = [
    ...header(manifest, 'Vue 3 template typings of the TIMIO elements', "import type { DefineComponent, HTMLAttributes } from 'vue';"),
    '',
    "/** What Vue accepts on any element (id, class, style, DOM events) plus the element's own props. */",
    'type TimioComponent<Own> = DefineComponent<HTMLAttributes & Own>;',
    '',
    "declare module 'vue' {",
    '  interface GlobalComponents {',
  ];
  for (const el of typedElements(manifest)) {
    out.push(doc(el.description, '    ').trimEnd(), `    ${quote(el.tag)}: TimioComponent<{`);
    for (const a of el.attributes) out.push(doc(a.description, '      ').trimEnd(), `      ${camel(a.name)}?: ${a.type};`);
    for (const e of el.events) {
      const handler = `on${camel(`-${e.name}`)}`;
      out.push(doc(e.description, '      ').trimEnd(), `      ${handler}?: (event: ${eventType(e.name)}) => void;`);
    }
    out.push('    }>;');
  }
  out.push('  }', '}', '');
  return out.join('\n');
}
