import { css } from 'lit';
import { srOnly } from '../../../elements/shared/sr-only.js';
import { themeTokens } from '../../../theme/theme.js';

export const videoTileStyles = [
  srOnly,
  themeTokens,
  css`
    :host {
      position: relative;
      display: block;
      overflow: hidden;
      background: #000;
      color: var(--_call-color);
      font-family: var(--_font-family);
      container-type: size;
    }
    :host([speaking])::after {
      content: '';
      position: absolute;
      inset: 0;
      border: 3px solid var(--_primary);
      border-radius: inherit;
      pointer-events: none;
    }
    video {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: var(--timio-tile-fit, cover);
    }
    video.mirror {
      transform: scaleX(-1);
    }
    .avatar {
      position: absolute;
      inset: 0;
      display: grid;
      place-content: center;
      justify-items: center;
      gap: 12px;
      padding: 8px;
      text-align: center;
      color: var(--_call-muted-color);
      font-size: 14px;
      background: var(--_call-background);
    }
    .reconnecting {
      position: absolute;
      inset: auto 8px 40px;
      padding: 4px 8px;
      border-radius: 4px;
      text-align: center;
      font-size: 13px;
      background: rgb(0 0 0 / 70%);
      color: #fff;
    }
    .initials {
      display: grid;
      place-items: center;
      width: clamp(36px, 30cqmin, 112px);
      aspect-ratio: 1;
      border-radius: 50%;
      background: var(--_call-control);
      color: var(--_call-color);
      font-size: clamp(14px, 11cqmin, 40px);
      font-weight: 600;
    }
    /* A wide tile that a window lays small tiles over (its corners) keeps its initials and caption in
       the column between them: the window says how wide that column's margins are. */
    @container (orientation: landscape) {
      .avatar {
        padding: var(--_avatar-padding, 8px);
      }
    }
    @container (max-height: 140px) {
      .off-text {
        font-size: 12px;
      }
    }
    /* A small tile (the own video on a phone): the sentence alone, which the initials would push out. */
    @container (max-height: 110px) {
      .avatar:not(.compact) {
        gap: 0;
        padding: 4px 6px;
      }
      .avatar:not(.compact) .initials {
        display: none;
      }
      .off-text {
        line-height: 1.25;
      }
    }
    .name-bar {
      position: absolute;
      left: 6px;
      bottom: 6px;
      max-width: calc(100% - 12px);
      display: flex;
      align-items: center;
      gap: 6px;
      padding: 3px 8px;
      border-radius: 6px;
      background: rgb(0 0 0 / 0.6);
      font-size: 13px;
      white-space: nowrap;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      min-width: 0;
    }
    .badge {
      display: inline-grid;
      flex: none;
    }
    .badge svg {
      width: 16px;
      height: 16px;
    }
    .badge.hand {
      color: #f2cc60;
    }
    .badge.mic-muted,
    .badge.quality-lost {
      color: #ff8182;
    }
    .badge.quality-poor {
      color: #f2cc60;
    }
    .tag {
      flex: none;
      padding: 0 5px;
      border-radius: 4px;
      background: rgb(255 255 255 / 0.18);
      font-size: 11px;
    }
  `,
];
