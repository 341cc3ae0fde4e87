// Mistakes the React typings must catch; the test expects exactly these errors, at these lines.
import 'timio-calls';
import type { TimioCallEndedEvent } from 'timio-calls';

export function Misspelt() {
  return (
    <p>
      <timio-call-button contcat="ben"></timio-call-button>
      <timio-call-button contact="ben" ontimio-call-request={(event: TimioCallEndedEvent) => console.log(event.detail.outcome)}></timio-call-button>
      <timio-config theme="blue"></timio-config>
    </p>
  );
}
