// werift reads each peer connection's UDP socket on the Node event loop; when the machine is busy,
// the kernel's default 208 KB receive buffer overflows and video packets are lost before we see
// them. Ask for larger socket buffers (the kernel caps them at net.core.rmem_max / wmem_max).
import { UdpTransport } from 'werift';

const BUFFER_BYTES = 4 * 1024 * 1024;
let installed = false;

interface TransportInternals {
  socket: { setRecvBufferSize(n: number): void; setSendBufferSize(n: number): void };
}

export function enlargeUdpBuffers(): void {
  if (installed) return;
  installed = true;
  const proto = UdpTransport.prototype as unknown as { init(this: TransportInternals): Promise<void> };
  const init = proto.init;
  proto.init = async function (this: TransportInternals) {
    await init.call(this);
    try {
      this.socket.setRecvBufferSize(BUFFER_BYTES);
      this.socket.setSendBufferSize(BUFFER_BYTES);
    } catch {
      // not permitted here: keep the defaults
    }
  };
}
