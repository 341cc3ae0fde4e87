// Browser entry of the call-window test page: exposes openCallWindow from the conference chunk's
// source, so the window can be tried against a media server without the rest of the SDK.
import { openCallWindow, type CallWindowEnd, type CallWindowHandle } from '../../sdk/src/views/index.js';

declare global {
  interface Window {
    callWindow: {
      open(options: { call: Parameters<typeof openCallWindow>[0]['call']; token: string; url: string; locale: 'de' | 'en' }): void;
      handle?: CallWindowHandle;
      ended?: CallWindowEnd;
    };
  }
}

window.callWindow = {
  open(options) {
    this.handle = openCallWindow({ ...options, onEnd: (end) => (window.callWindow.ended = end) });
  },
};
