// Just enough of the VP8 RTP payload format (RFC 7741) to find the first packet of a keyframe,
// where a subscriber can start or switch simulcast layers.
export function isVp8KeyframeStart(payload: Buffer): boolean {
  if (payload.length < 1) return false;
  const first = payload[0];
  const hasExtension = (first & 0x80) !== 0;
  const startOfPartition = (first & 0x10) !== 0;
  const partitionId = first & 0x07;
  if (!startOfPartition || partitionId !== 0) return false;
  let offset = 1;
  if (hasExtension) {
    if (payload.length < 2) return false;
    const ext = payload[1];
    offset = 2;
    if (ext & 0x80) {
      // PictureID: one or two bytes (M bit).
      if (payload.length <= offset) return false;
      offset += payload[offset] & 0x80 ? 2 : 1;
    }
    if (ext & 0x40) offset += 1; // TL0PICIDX
    if (ext & 0x30) offset += 1; // TID/Y/KEYIDX
  }
  if (payload.length <= offset) return false;
  // VP8 payload header: P bit 0 = key frame.
  return (payload[offset] & 0x01) === 0;
}
