// Desktop notifications for what rings while the page is in a background tab: one per ringing
// call or room invitation, closed when it stops ringing or the page comes back to the front.

export interface RingingText { title: string; body: string }

export class DesktopNotifications {
  private readonly shown = new Map<string, Notification>();

  /** Shows `ringing` (key → text) while the page is hidden; closes every other one. */
  show(ringing: ReadonlyMap<string, RingingText>): void {
    this.close((key) => !ringing.has(key));
    if (!document.hidden || typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    for (const [key, text] of ringing) {
      if (this.shown.has(key)) continue;
      try {
        const notification = new Notification(text.title, { body: text.body, tag: `timio-${key}`, requireInteraction: true });
        notification.onclick = () => {
          window.focus();
          notification.close();
        };
        this.shown.set(key, notification);
      } catch {
        // Some browsers allow notifications only from a service worker; the popup still shows.
      }
    }
  }

  close(which: (key: string) => boolean = () => true): void {
    for (const [key, notification] of this.shown) {
      if (!which(key)) continue;
      notification.close();
      this.shown.delete(key);
    }
  }
}
