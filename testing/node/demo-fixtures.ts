// The demo portal's fixtures, one copy for every test and bench: the portal's HS256 secret, issuer
// and audience (as `npm start` configures the demo portal and the token service, scripts/start.ts),
// the directory the demo ships (demo-host/directory.json) with its people, and the trimmed
// directory the token service's own tests use.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DirectoryRoom, DirectoryUser } from '../../token-service/src/directory/directory.js';

export const DEMO_PORTAL_SECRET = 'timio-demo-portal-secret-change-me';
export const DEMO_PORTAL_ISSUER = 'timio-demo-portal';
export const DEMO_PORTAL_AUDIENCE = 'timio-token-service';

export interface DirectoryData { users: DirectoryUser[]; rooms: DirectoryRoom[] }

/** The demo portal's directory file (DIRECTORY_FILE of `npm start`). */
export const DEMO_DIRECTORY_FILE = fileURLToPath(new URL('../../demo-host/directory.json', import.meta.url));
/** Its contents: anna … felix; rooms vertrieb, entwicklung, alle. */
export const DEMO_DIRECTORY: DirectoryData = JSON.parse(readFileSync(DEMO_DIRECTORY_FILE, 'utf8')) as DirectoryData;

/** A person of the demo directory by id. */
export function demoPerson(id: string): DirectoryUser {
  const user = DEMO_DIRECTORY.users.find((u) => u.id === id);
  if (!user) throw new Error(`${id} is not in demo-host/directory.json`);
  return user;
}

/**
 * The token service's tests' directory: anna, ben and carla of the demo, and dora, who is in no
 * room; vertrieb (moderated by anna) and entwicklung (by ben) with fewer members than the demo's.
 */
export const SERVICE_TEST_DIRECTORY: DirectoryData = {
  users: [demoPerson('anna'), demoPerson('ben'), demoPerson('carla'), { id: 'dora', name: 'Dora Outsider' }],
  rooms: [
    { id: 'vertrieb', name: 'Vertrieb', members: ['anna', 'ben', 'carla'], moderators: ['anna'] },
    { id: 'entwicklung', name: 'Entwicklung', members: ['ben', 'carla'], moderators: ['ben'] },
  ],
};
