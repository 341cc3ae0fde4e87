// The React 19 component a portal writes, as docs/react.md shows it: the elements straight in JSX,
// typed by `timio-calls/react`. Rendered on the server by react-dom/server and hydrated in the
// browser (scripts/build/frameworks.test.ts). It imports only the SDK's types: the SDK itself is
// loaded by the browser entry after hydration (client.tsx), so React hydrates the bare tags the
// server sent, before the elements upgrade and reflect their state into attributes.
import { useCallback, useEffect, useState } from 'react';
import type { CallInfo, TimioCallButton, TimioCallEndedEvent, TimioCallRequestEvent } from 'timio-calls';

export interface AppProps {
  tokenServiceUrl: string;
  portalTokenUrl: string;
}

export function App({ tokenServiceUrl, portalTokenUrl }: AppProps) {
  const [requested, setRequested] = useState<string[]>([]);
  const [lastCall, setLastCall] = useState<CallInfo>();

  // The call events (timio-call-started, -ended, …) are dispatched on `document`: listen there.
  useEffect(() => {
    const ended = (event: TimioCallEndedEvent) => setLastCall(event.detail);
    document.addEventListener('timio-call-ended', ended);
    return () => document.removeEventListener('timio-call-ended', ended);
  }, []);

  // An element's own event, through a ref: React 19 attaches `ontimio-…` props of a server-rendered
  // element only at its first re-render, not when it hydrates (react#35446); a ref runs at hydration.
  const callButton = useCallback((button: TimioCallButton | null) => {
    if (!button) return;
    const onRequest = (event: TimioCallRequestEvent) => setRequested((ids) => [...ids, event.detail.contact.id]);
    button.addEventListener('timio-call-request', onRequest);
    return () => button.removeEventListener('timio-call-request', onRequest);
  }, []);

  return (
    <main>
      <timio-config token-service-url={tokenServiceUrl} portal-token-url={portalTokenUrl} locale="de"></timio-config>
      <p>
        <timio-contact contact="ben" keep-click>Ben Müller</timio-contact>
        <timio-call-button contact="ben" name="Ben Müller" ref={callButton}></timio-call-button>
      </p>
      <timio-room-bar room="vertrieb" compact></timio-room-bar>
      <output id="requested">{requested.join(' ')}</output>
      <output id="last-call">{lastCall ? lastCall.outcome : ''}</output>
    </main>
  );
}
