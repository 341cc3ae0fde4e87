// What a realtime test opens against the token service as a person's browser would: realtime pages
// and GETs signed with the demo portal's tokens. The service is read at each call (a test may
// restart it); the pages are kept so the test can close them afterwards.
import { TestPage } from './pages.js';
import { portalToken } from './service.js';

export interface ServiceAddress { url: string; wsUrl: string }

export function serviceClient(service: () => ServiceAddress) {
  const pages: TestPage[] = [];
  return {
    pages,
    /** A realtime page of `user`, ready (its `ready` frame received). */
    async page(user: string): Promise<TestPage> {
      const { page } = await TestPage.ready(service().wsUrl, portalToken(user));
      pages.push(page);
      return page;
    },
    /** GET `path` as `user`: the status and the JSON body. */
    async get(path: string, user: string): Promise<{ status: number; body: any }> {
      const res = await fetch(service().url + path, { headers: { authorization: `Bearer ${portalToken(user)}` } });
      return { status: res.status, body: await res.json() as any };
    },
  };
}
