// A safe DOM id for a popup's labels. (The caller's state sentence is in outgoing-popup.ts, with the calls chunk.)
export function domId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}
