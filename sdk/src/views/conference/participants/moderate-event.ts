// What a moderator asked for in the participants panel; the conference runs it through the token service.
export type ModerateAction = 'mute' | 'mute-all' | 'lower-hand' | 'remove';

export class TimioModerateEvent extends CustomEvent<{ action: ModerateAction; identity?: string }> {
  constructor(action: ModerateAction, identity?: string) {
    super('timio-moderate', { bubbles: true, composed: true, detail: identity ? { action, identity } : { action } });
  }
}

declare global {
  interface HTMLElementEventMap {
    'timio-moderate': TimioModerateEvent;
  }
}
