// The call window's frame on the page: the viewport it measures, whether it covers the page (then it
// is a modal dialog), the docked window's place and size (pointer drags, keys on the grip) and the
// header's window tools (grip, maximise/restore). The geometry itself is window-frame.ts (pure).
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { icons } from '../icons.js';
import type { CallWindowCatalog } from '../../i18n/catalog.js';
import type { HeaderWindowTools } from './call-header.js';
import { WindowDrag } from './window-drag.js';
import { clampFrame, defaultFrame, frameAfterKey, shownMode, type ViewportSize, type WindowFrame, type WindowMode } from './window-frame.js';

/** What the controller reads and sets on its element. */
export interface FramedWindow extends ReactiveControllerHost, HTMLElement {
  mode?: WindowMode;
  shownMode: WindowMode;
  frame?: WindowFrame;
  ended: boolean;
}

export class WindowFrameController implements ReactiveController {
  /** The page's visible area (without scroll bars). */
  viewport: ViewportSize = { width: 0, height: 0 };
  /** Whether the window covers the viewport (the default); a host may dock it smaller by CSS. */
  covering = true;
  readonly move: WindowDrag;
  readonly resize: WindowDrag;
  private coverWatch?: ResizeObserver;

  constructor(private readonly host: FramedWindow, /** The person changed the arrangement. */ private readonly arranged: () => void) {
    host.addController(this);
    const onFrame = (frame: WindowFrame, done: boolean) => {
      host.frame = frame;
      if (done) arranged();
    };
    this.move = new WindowDrag('move', () => this.docked(), () => this.viewport, onFrame);
    this.resize = new WindowDrag('resize', () => this.docked(), () => this.viewport, onFrame);
  }

  hostConnected(): void {
    this.measure();
    // Docked smaller by the host's CSS, it is a plain dialog beside the page, not a modal one.
    addEventListener('resize', this.onViewport);
    this.coverWatch = new ResizeObserver(this.onViewport);
    this.coverWatch.observe(this.host);
  }

  hostDisconnected(): void {
    removeEventListener('resize', this.onViewport);
    this.coverWatch?.disconnect();
  }

  /** Before each render: the mode on screen, and the host element placed at the docked frame. */
  hostUpdate(): void {
    this.host.shownMode = shownMode(this.host.mode ?? 'full', this.viewport);
    const f = this.docked();
    const props: Array<[string, number | undefined]> = [['--_dock-x', f?.x], ['--_dock-y', f?.y], ['--_dock-w', f?.width], ['--_dock-h', f?.height]];
    for (const [name, value] of props) {
      if (value === undefined) this.host.style.removeProperty(name);
      else this.host.style.setProperty(name, `${value}px`);
    }
  }

  /** The docked window's frame as shown (clamped to the viewport), or undefined when not docked. */
  docked(): WindowFrame | undefined {
    if (this.host.shownMode !== 'docked' || this.host.ended || !this.viewport.width) return undefined;
    return clampFrame(this.host.frame ?? defaultFrame(this.viewport), this.viewport);
  }

  /** Whether the window covers the whole viewport (then focus stays inside it). */
  coversPage(): boolean {
    const r = this.host.getBoundingClientRect();
    const { width, height } = visibleArea();
    return r.left <= 1 && r.top <= 1 && r.width >= width - 1 && r.height >= height - 1;
  }

  /**
   * The header's grip and maximise/restore button. None in full screen (the window is the screen)
   * nor on a phone-sized viewport (the window is full whatever the mode).
   */
  tools(t: CallWindowCatalog, fullscreen: boolean): HeaderWindowTools {
    const mode = this.host.mode ?? 'full';
    if (fullscreen || (mode === 'docked' && this.host.shownMode === 'full')) return { tools: nothing };
    const docked = mode === 'docked';
    return {
      ...(docked ? { drag: this.move } : {}),
      grip: docked
        ? html`<button type="button" class="grip" part="grip" aria-label=${t.moveWindow} aria-description=${t.moveWindowHint} title=${t.moveWindowHint} @keydown=${this.onGripKeydown}>${icons.grip}</button>`
        : nothing,
      tools: html`<button type="button" class="mode-toggle" part="mode-toggle" data-mode=${mode}
        aria-label=${docked ? t.maximizeWindow : t.restoreWindow} title=${docked ? t.maximizeWindow : t.restoreWindow}
        @click=${this.toggleMode}>${docked ? icons.maximize : icons.restore}</button>`,
    };
  }

  private readonly toggleMode = (): void => {
    this.host.mode = this.host.mode === 'docked' ? 'full' : 'docked';
    this.arranged();
  };

  private readonly onGripKeydown = (e: KeyboardEvent): void => {
    const frame = this.docked();
    const next = frame && frameAfterKey(frame, e, this.viewport);
    if (!next) return;
    e.preventDefault();
    e.stopPropagation();
    this.host.frame = next;
    this.arranged();
  };

  private readonly onViewport = (): void => {
    const covering = this.coversPage();
    const changed = covering !== this.covering;
    this.covering = covering;
    if (this.measure() || changed) this.host.requestUpdate();
  };

  /** True when the viewport's size changed. */
  private measure(): boolean {
    const next = visibleArea();
    if (next.width === this.viewport.width && next.height === this.viewport.height) return false;
    this.viewport = next;
    return true;
  }
}

/** The page's visible area: without its scroll bars (Firefox draws classic ones, 12 px). */
function visibleArea(): ViewportSize {
  const root = document.documentElement;
  return { width: root.clientWidth || innerWidth, height: root.clientHeight || innerHeight };
}
