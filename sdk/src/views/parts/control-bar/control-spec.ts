// What a control bar shows: the view describes each control; the bar draws, fits and reports.
import type { SVGTemplateResult } from 'lit';

export interface ControlSpec {
  /** Also the button's class, and what `timio-control` reports. */
  id: string;
  label: string;
  icon: SVGTemplateResult;
  /** A toggle: aria-pressed. */
  pressed?: boolean;
  /** Opens a panel: aria-expanded (and aria-controls when `controls` is set). */
  expanded?: boolean;
  controls?: string;
  /** Drawn as "on" (accent colour), e.g. while sharing. */
  active?: boolean;
  /** Drawn as "off" (light), e.g. camera or microphone off. */
  off?: boolean;
  danger?: boolean;
  disabled?: boolean;
  /** A single key that triggers it while focus is in the view (shown in the tooltip). */
  shortcut?: string;
  /** Never moves into the overflow menu (e.g. ending the call). */
  pinned?: boolean;
  /** A short count drawn on the button (e.g. unread messages); the label should say it too. */
  badge?: string;
  /** A `part` name for host styling, e.g. `end-button`. */
  part?: string;
}

/**
 * Which controls fit in `width`: all when they do; otherwise the pinned ones and as many others as
 * fit beside the overflow button, in their order. Pure, so it is tested without a browser.
 */
export function fitControls(specs: readonly ControlSpec[], width: number, size: number, gap: number): { shown: ControlSpec[]; overflow: ControlSpec[] } {
  const slots = Math.max(1, Math.floor((width + gap) / (size + gap)));
  if (specs.length <= slots) return { shown: [...specs], overflow: [] };
  const pinned = specs.filter((s) => s.pinned).length;
  let free = Math.max(0, slots - 1 - pinned);
  const shown: ControlSpec[] = [];
  const overflow: ControlSpec[] = [];
  for (const s of specs) {
    if (s.pinned) shown.push(s);
    else if (free > 0) {
      shown.push(s);
      free--;
    } else overflow.push(s);
  }
  return { shown, overflow };
}
