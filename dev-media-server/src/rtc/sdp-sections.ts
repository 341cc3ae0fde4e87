// Reads what the server needs from a client's offer: per m-line its mid, kind, direction, the
// MediaStreamTrack id in a=msid (livekit-client's addTrack cid) and the simulcast rids.
export interface MediaSection {
  mid: string;
  kind: 'audio' | 'video' | 'application';
  direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';
  trackId?: string;
  rids: string[];
  rejected: boolean;
}

export function readMediaSections(sdp: string): MediaSection[] {
  const sections: MediaSection[] = [];
  let current: MediaSection | undefined;
  for (const raw of sdp.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('m=')) {
      const [kind, port] = line.slice(2).split(' ');
      current = { mid: '', kind: kind as MediaSection['kind'], direction: 'sendrecv', rids: [], rejected: port === '0' };
      sections.push(current);
      continue;
    }
    if (!current) continue;
    if (line.startsWith('a=mid:')) current.mid = line.slice(6);
    else if (/^a=(sendrecv|sendonly|recvonly|inactive)$/.test(line)) current.direction = line.slice(2) as MediaSection['direction'];
    else if (line.startsWith('a=msid:')) current.trackId = line.slice(7).split(' ')[1];
    else if (line.startsWith('a=rid:')) {
      const [rid, dir] = line.slice(6).split(' ');
      if (dir === 'send' && rid) current.rids.push(rid);
    }
  }
  return sections;
}

export function isSending(section: MediaSection): boolean {
  return !section.rejected && (section.direction === 'sendonly' || section.direction === 'sendrecv');
}

/** a=extmap ids → URIs (with BUNDLE every m-line shares one id space). */
export function readExtensionMap(sdp: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const m of sdp.matchAll(/^a=extmap:(\d+)(?:\/\w+)?\s+(\S+)/gm)) map.set(Number(m[1]), m[2]);
  return map;
}
