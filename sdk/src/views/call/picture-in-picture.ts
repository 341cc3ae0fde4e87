// "Bild im Bild": the call in a small always-on-top window (Document Picture-in-Picture, where the
// browser offers it) with the partner's video and the main controls (microphone, camera, hang up,
// back to the page), so the person can work in another tab or program. The window is plain DOM
// built in the picture-in-picture document (the page's custom elements and constructed style
// sheets do not cross documents); it reads the same session as the call window.
import type { SessionApi } from '../../session/session-api.js';
import type { CallWindowCatalog } from '../../i18n/catalog.js';

interface DocumentPictureInPicture {
  requestWindow(options?: { width?: number; height?: number }): Promise<Window>;
  readonly window: Window | null;
}

/** The browser's Document Picture-in-Picture API, if it has one. */
export function pictureInPictureApi(): DocumentPictureInPicture | undefined {
  return (globalThis as { documentPictureInPicture?: DocumentPictureInPicture }).documentPictureInPicture;
}

export interface PictureInPictureOptions {
  session: SessionApi;
  partnerId?: string;
  partnerName: string;
  t: CallWindowCatalog;
  lang: string;
  /** The person pressed "Gespräch beenden" in the small window. */
  onHangUp(): void;
}

export interface PictureInPictureHandle {
  readonly window: Window;
  close(): void;
}

const STYLE = `
  html, body { margin: 0; height: 100%; background: #14171c; color: #f4f6f8; font: 14px system-ui, sans-serif; }
  body { display: flex; flex-direction: column; }
  video { flex: 1; min-height: 0; width: 100%; object-fit: cover; background: #000; }
  .name { position: absolute; top: 8px; left: 10px; padding: 2px 8px; border-radius: 6px; background: rgb(0 0 0 / 0.55); }
  .bar { display: flex; gap: 8px; justify-content: center; padding: 8px; }
  button { min-width: 44px; min-height: 44px; padding: 0 12px; border: none; border-radius: 22px; background: #2d3440; color: inherit; font: inherit; cursor: pointer; }
  button[aria-pressed="true"] { background: #4b5563; }
  button.end { background: #d1242f; }
  button:focus-visible { outline: 3px solid #4493f8; outline-offset: 2px; }
`;

/** Opens the small window (call from a click: the browser requires one). */
export async function openPictureInPicture(o: PictureInPictureOptions): Promise<PictureInPictureHandle> {
  const api = pictureInPictureApi();
  if (!api) throw new Error('Document Picture-in-Picture is not available in this browser');
  const pip = await api.requestWindow({ width: 400, height: 280 });
  const doc = pip.document;
  doc.documentElement.lang = o.lang;
  doc.title = o.t.windowLabel(o.partnerName);
  const style = doc.createElement('style');
  style.textContent = STYLE;
  doc.head.append(style);
  const video = doc.createElement('video');
  video.autoplay = true;
  video.muted = true; // the voice plays in the page, as before
  video.playsInline = true;
  video.setAttribute('aria-label', o.t.partnerVideo(o.partnerName));
  const name = doc.createElement('div');
  name.className = 'name';
  name.textContent = o.partnerName;
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', o.t.controls);
  const button = (cls: string, onClick: () => void) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.addEventListener('click', onClick);
    bar.append(b);
    return b;
  };
  const mic = button('mic', () => void o.session.setMicrophoneEnabled(!o.session.local.value.micOn));
  const camera = button('camera', () => void o.session.setCameraEnabled(!o.session.local.value.cameraOn));
  const back = button('back', () => {
    window.focus();
    pip.close();
  });
  back.textContent = o.t.backToPage;
  const end = button('end', () => o.onHangUp());
  end.textContent = o.t.endCall;
  doc.body.append(name, video, bar);

  let shown: MediaStreamTrack | undefined;
  const draw = () => {
    const local = o.session.local.value;
    mic.textContent = local.micOn ? o.t.micOff : o.t.micOn;
    mic.setAttribute('aria-pressed', String(!local.micOn));
    camera.textContent = local.cameraOn ? o.t.cameraOff : o.t.cameraOn;
    camera.setAttribute('aria-pressed', String(!local.cameraOn));
    const partner = o.session.participants.value.find((p) => (o.partnerId ? p.identity === o.partnerId : !p.isLocal));
    const track = partner?.screen?.track ?? (partner?.camera && !partner.camera.muted ? partner.camera.track : undefined);
    if (track !== shown) {
      shown = track;
      video.srcObject = track ? new MediaStream([track]) : null;
    }
  };
  // subscribe() calls draw at once, so the window is complete before it shows anything else.
  const stops = [o.session.local.subscribe(draw), o.session.participants.subscribe(draw)];
  let closed = false;
  const cleanup = () => {
    if (closed) return;
    closed = true;
    for (const stop of stops) stop();
    video.srcObject = null;
  };
  pip.addEventListener('pagehide', cleanup);
  return {
    window: pip,
    close() {
      cleanup();
      pip.close();
    },
  };
}
