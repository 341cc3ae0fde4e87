// The cameras, microphones and speakers this browser offers, and which one the room uses.
import { Room } from 'livekit-client';
import { Store } from './store.js';
import type { DeviceInfo, DeviceKind, DevicesState } from './types.js';

const KINDS: readonly DeviceKind[] = ['videoinput', 'audioinput', 'audiooutput'];

export type ListDevices = (kind: DeviceKind) => Promise<MediaDeviceInfo[]>;

export class Devices {
  readonly state = new Store<DevicesState>(
    {
      lists: { videoinput: [], audioinput: [], audiooutput: [] },
      active: {},
      canChooseSpeaker: typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype,
    },
    (a, b) => a.canChooseSpeaker === b.canChooseSpeaker && sameLists(a.lists, b.lists) && sameActive(a.active, b.active),
  );

  constructor(
    private readonly room: Room,
    private readonly list: ListDevices = (kind) => Room.getLocalDevices(kind, false),
  ) {}

  async refresh(): Promise<void> {
    const read = async (kind: DeviceKind): Promise<DeviceInfo[]> => {
      try {
        const found = await this.list(kind);
        return found.filter((d) => d.deviceId !== '').map((d, i) => ({ id: d.deviceId, label: d.label || `${kind} ${i + 1}` }));
      } catch {
        return [];
      }
    };
    const [videoinput, audioinput, audiooutput] = await Promise.all(KINDS.map(read));
    this.state.set({ ...this.state.value, lists: { videoinput: videoinput!, audioinput: audioinput!, audiooutput: audiooutput! } });
    this.readActive();
  }

  async switchTo(kind: DeviceKind, id: string): Promise<void> {
    try {
      await this.room.switchActiveDevice(kind, id);
    } finally {
      this.readActive();
    }
  }

  readActive(): void {
    const active: Partial<Record<DeviceKind, string>> = {};
    for (const kind of KINDS) {
      const id = this.room.getActiveDevice(kind);
      if (id) active[kind] = id;
    }
    this.state.set({ ...this.state.value, active });
  }
}

function sameLists(a: DevicesState['lists'], b: DevicesState['lists']): boolean {
  return KINDS.every((k) => a[k].length === b[k].length && a[k].every((d, i) => d.id === b[k][i]!.id && d.label === b[k][i]!.label));
}

function sameActive(a: DevicesState['active'], b: DevicesState['active']): boolean {
  return KINDS.every((k) => a[k] === b[k]);
}
