// Serves a blank page with the call window (sdk/src/views bundled from source), for tests of the
// window against a real media server.
import { serveTestPage, type TestPageOptions, type TestPageServer } from './test-page.js';

export type CallWindowHost = TestPageServer;

/** `extra`: folders to serve beside the page (e.g. the background files) and response headers. */
export function startCallWindowHost(extra: Pick<TestPageOptions, 'folders' | 'headers'> = {}): Promise<CallWindowHost> {
  return serveTestPage({
    ...extra,
    entry: new URL('./call-window-entry.ts', import.meta.url),
    title: 'call window',
    lang: 'de',
    bodyStyle: 'margin:0;background:#e8ecf1',
  });
}
