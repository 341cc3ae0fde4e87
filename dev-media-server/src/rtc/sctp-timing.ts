// werift's SCTP (data channels) starts its retransmission timeout at 3 s and derives it from measured
// round trips, capped only at 60 s. When the machine is busy, a round trip includes the time our event
// loop was starved (seconds), so the timeout grows to tens of seconds and one lost packet holds a chat
// message that long. The dev media server runs on loopback or a LAN: start at 1 s and never wait more
// than 2 s before resending (a needless resend costs one duplicate packet).
import { RTCSctpTransport } from 'werift';

const RTO_INITIAL_S = 1;
const RTO_MAX_S = 2;
let installed = false;

interface SctpTimers {
  rto: number;
  updateRto(this: SctpTimers, rttSeconds: number): void;
}

export function capSctpRetransmitTimeout(): void {
  if (installed) return;
  installed = true;
  const proto = RTCSctpTransport.prototype as unknown as { start(this: { sctp: SctpTimers }, remotePort: number): Promise<void> };
  const start = proto.start;
  proto.start = function (this: { sctp: SctpTimers }, remotePort: number) {
    tune(this.sctp);
    return start.call(this, remotePort);
  };
}

function tune(sctp: SctpTimers): void {
  const updateRto = Object.getPrototypeOf(sctp).updateRto as SctpTimers['updateRto'];
  sctp.rto = RTO_INITIAL_S;
  sctp.updateRto = function (rttSeconds) {
    updateRto.call(this, rttSeconds);
    this.rto = Math.min(this.rto, RTO_MAX_S);
  };
}
