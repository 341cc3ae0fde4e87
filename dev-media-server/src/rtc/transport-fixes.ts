// Two ways werift (0.24.4) loses a peer connection for good on a busy machine, both seen killing
// publisher connections in bench/conference (FINDINGS.md "A subscribed video that never gets a
// packet"); the client side still reports "connected" and keeps sending into the void.
//
// 1. A repeated DTLS HelloVerifyRequest. When our ClientHello is retransmitted (no answer within
//    500 ms), the peer answers each copy with a HelloVerifyRequest; werift's DTLS client runs its
//    flight 3 for the first and throws on the second ("flight 3 twice"), which fails the DTLS
//    transport. Flight 3 retransmits on its own timer, so a later copy can simply be ignored.
//    Installed once for the process on werift's RTCDtlsTransport (every werift peer here).
//
// 2. ICE consent freshness (RFC 7675). werift sends one STUN request every ~5 s with a single
//    500-1000 ms wait and no retransmission, and declares the transport failed after 30 s without
//    an answer read in time. With the event loop late by more than that wait (timers run before
//    the socket is read), every check "times out" while media flows, and after 30 s the
//    connection is failed and stays so. The dev server's peer connections live exactly as long as
//    the participant's signal connection (which has its own ping timeout), as a LiveKit
//    participant's do, so the server's side runs no consent expiry: consent is granted once ICE
//    connects and never withdrawn.
import { DtlsClient, RTCDtlsTransport, type RTCPeerConnection } from 'werift';

const HELLO_VERIFY_REQUEST = 3;
const FLIGHT_3 = 3;

interface HandshakeMessage {
  msg_type: number;
}
interface DtlsClientInternals {
  dtls: { flight: number };
  onHandleHandshakes: (assembled: HandshakeMessage[]) => Promise<void>;
}
interface DtlsTransportInternals {
  dtls?: unknown;
  start(): Promise<void>;
}
interface ConnectionInternals {
  consentFresh: boolean;
  queryConsent: () => void;
  stopConsentLifecycle?: () => void;
}

let installed = false;

/** Makes every werift DTLS client in this process ignore HelloVerifyRequests after the first. */
export function installDtlsFix(): void {
  if (installed) return;
  installed = true;
  const proto = RTCDtlsTransport.prototype as unknown as DtlsTransportInternals;
  const start = proto.start;
  proto.start = function (this: DtlsTransportInternals): Promise<void> {
    const running = start.call(this);
    // start() creates its DtlsClient synchronously and sends the ClientHello 100 ms later
    if (this.dtls instanceof DtlsClient) ignoreRepeatedHelloVerify(this.dtls as unknown as DtlsClientInternals);
    return running;
  };
}

function ignoreRepeatedHelloVerify(client: DtlsClientInternals): void {
  const handle = client.onHandleHandshakes;
  client.onHandleHandshakes = (assembled) =>
    handle(assembled.filter((h) => !(h.msg_type === HELLO_VERIFY_REQUEST && client.dtls.flight >= FLIGHT_3)));
}

/**
 * Turns off ICE consent expiry on the peer connection's transports that exist now (call it after
 * every step that may create one: setRemoteDescription, createOffer). Idempotent.
 */
export function keepConsent(pc: RTCPeerConnection): void {
  for (const transport of pc.iceTransports) {
    const connection = transport.connection as unknown as ConnectionInternals;
    connection.queryConsent = () => {
      connection.stopConsentLifecycle?.();
      connection.consentFresh = true;
    };
  }
}
