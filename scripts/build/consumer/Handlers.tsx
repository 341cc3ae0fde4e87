// A client-rendered component (createRoot, or a client-only part of a page): there the typed
// `ontimio-…` props are the shortest way to an element's events.
import { createRoot } from 'react-dom/client';
import 'timio-calls';
import type { TimioCallRequestEvent } from 'timio-calls';

function Contacts({ ids }: { ids: string[] }) {
  const onRequest = (event: TimioCallRequestEvent) => {
    if (event.detail.contact.id === 'carla') event.preventDefault(); // the host's own rule
  };
  return (
    <ul>
      {ids.map((id) => (
        <li key={id}>
          <timio-contact contact={id} ontimio-contact-action={(event) => console.log(event.detail.action, event.detail.contact.id)}>{id}</timio-contact>
          <timio-call-button contact={id} presence="online" ontimio-call-request={onRequest}></timio-call-button>
        </li>
      ))}
    </ul>
  );
}

// The conference loads on demand; its element is typed all the same (ref: HTMLElement).
export function Meeting() {
  return <timio-conference room="vertrieb" room-name="Vertrieb" per-page={6} ontimio-conference-joined={(event) => console.log(event.detail.moderator)}></timio-conference>;
}

createRoot(document.getElementById('contacts')!).render(<Contacts ids={['anna', 'ben']} />);
