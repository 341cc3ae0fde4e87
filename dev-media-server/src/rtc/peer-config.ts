// werift settings shared by every peer connection: loopback-friendly ICE, VP8 + Opus only, no RTX
// (werift cannot route RTX of simulcast layers), and only the header extensions we read or write.
import {
  RTCRtpCodecParameters,
  useAudioLevelIndication,
  usePLI,
  useNACK,
  useRepairedRtpStreamId,
  useSdesMid,
  useSdesRTPStreamId,
  type PeerConfig,
} from 'werift';
import { installDtlsFix } from './transport-fixes.js';
import { enlargeUdpBuffers } from './udp-buffers.js';

export interface RtcOptions {
  /** UDP port range for ICE, e.g. [50000, 60000]; undefined = any free port. */
  portRange?: [number, number];
  /** Extra host addresses to advertise; 127.0.0.1 is always included (werift skips loopback otherwise). */
  additionalHostAddresses?: string[];
}

function codecs() {
  return {
    audio: [new RTCRtpCodecParameters({ mimeType: 'audio/opus', clockRate: 48000, channels: 2, parameters: 'minptime=10;useinbandfec=1' })],
    video: [new RTCRtpCodecParameters({ mimeType: 'video/VP8', clockRate: 90000, rtcpFeedback: [useNACK(), usePLI()] })],
  };
}

function base(opts: RtcOptions): Partial<PeerConfig> {
  enlargeUdpBuffers();
  installDtlsFix();
  return {
    iceServers: [],
    iceAdditionalHostAddresses: ['127.0.0.1', ...(opts.additionalHostAddresses ?? [])],
    iceUseIpv6: false,
    bundlePolicy: 'max-bundle',
    ...(opts.portRange ? { icePortRange: opts.portRange } : {}),
  };
}

/** The connection a client publishes on: we read mid, rid and the audio level of each packet. */
export function publisherPeerConfig(opts: RtcOptions): Partial<PeerConfig> {
  return {
    ...base(opts),
    codecs: codecs(),
    headerExtensions: {
      audio: [useSdesMid(), useAudioLevelIndication()],
      video: [useSdesMid(), useSdesRTPStreamId(), useRepairedRtpStreamId()],
    },
  };
}

/** The connection a client receives on: forwarded packets carry only our own mid extension. */
export function subscriberPeerConfig(opts: RtcOptions): Partial<PeerConfig> {
  return {
    ...base(opts),
    codecs: codecs(),
    headerExtensions: { audio: [useSdesMid()], video: [useSdesMid()] },
  };
}
