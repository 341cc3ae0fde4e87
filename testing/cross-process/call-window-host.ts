// Serves a blank page with the call window (sdk/src/views bundled from source), for tests of the
// window against a real media server.
import { serveTestPage, type TestPageServer } from './test-page.js';

export type CallWindowHost = TestPageServer;

export function startCallWindowHost(): Promise<CallWindowHost> {
  return serveTestPage({
    entry: new URL('./call-window-entry.ts', import.meta.url),
    title: 'call window',
    lang: 'de',
    bodyStyle: 'margin:0;background:#e8ecf1',
  });
}
