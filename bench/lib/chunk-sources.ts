// What a built chunk is made of: its source map says which source file each stretch of minified
// code came from; the bytes between one mapping and the next are counted for the first one's file.
// A file's share of the chunk's gzip size is estimated by gzipping each file's stretches together
// (gzip of parts does not add up to gzip of the whole, so the shares are scaled to the chunk's own
// figure). Good enough to see where the kilobytes are; `npx tsx bench/lib/chunk-sources.ts dist/chunks/x.js`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one base64 VLQ segment of a source map ("AAAA,CAAC" → [0,0,0,0], [1,0,1,0]). */
export function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    if (digit < 0) throw new Error(`not base64 VLQ: ${segment}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

export interface SourceShare {
  source: string;
  /** minified characters of the chunk attributed to the file */
  chars: number;
  /** estimated share of the chunk's gzip -9 bytes */
  gzip: number;
}

/** The chunk's files by size, largest first; code with no mapping is counted as "(unmapped)". */
export function chunkSources(chunkFile: string): SourceShare[] {
  const code = readFileSync(chunkFile, 'utf8');
  const map = JSON.parse(readFileSync(`${chunkFile}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const pieces = new Map<string, string[]>();
  const add = (source: string, text: string) => {
    if (text) pieces.set(source, [...(pieces.get(source) ?? []), text]);
  };
  const lines = code.split('\n');
  let sourceIndex = 0;
  map.mappings.split(';').forEach((lineMappings, lineNo) => {
    const line = lines[lineNo] ?? '';
    let column = 0;
    let start = 0;
    let current = '(unmapped)';
    for (const segment of lineMappings.split(',')) {
      if (!segment) continue;
      const [dColumn, dSource] = decodeSegment(segment);
      column += dColumn!;
      add(current, line.slice(start, column));
      start = column;
      if (dSource !== undefined) {
        sourceIndex += dSource;
        current = map.sources[sourceIndex] ?? '(unmapped)';
      } else {
        current = '(unmapped)';
      }
    }
    add(current, line.slice(start));
  });
  const total = gzipSync(code, { level: 9 }).length;
  const raw = [...pieces].map(([source, texts]) => ({ source, chars: texts.join('').length, gzipAlone: gzipSync(texts.join(''), { level: 9 }).length }));
  const sum = raw.reduce((s, r) => s + r.gzipAlone, 0);
  return raw
    .map((r) => ({ source: r.source.replace(/^(\.\.\/)+/, ''), chars: r.chars, gzip: Math.round((r.gzipAlone * total) / sum) }))
    .sort((a, b) => b.gzip - a.gzip);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) {
    const shares = chunkSources(file);
    console.log(`${relative(process.cwd(), file)}: ${gzipSync(readFileSync(file), { level: 9 }).length} B gzip`);
    for (const s of shares) console.log(`${String(s.gzip).padStart(7)} ${String(s.chars).padStart(8)}  ${s.source}`);
  }
}
