// The application/vnd.amazon.eventstream framing that StartLiveTail answers with, written here
// rather than borrowed from the SDK so that the SDK's own decoder checks it:
//   total length (4) | headers length (4) | CRC32 of those 8 bytes (4) | headers | payload | CRC32 of all before (4)
// A header is: name length (1) | name | type 7 = string (1) | value length (2) | value.

export const EVENT_STREAM_CONTENT_TYPE = "application/vnd.amazon.eventstream";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3), as the event stream prelude and message checksums use. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const STRING_HEADER = 7;

export function encodeMessage(headers: Readonly<Record<string, string>>, payload: Uint8Array): Uint8Array {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const nameBytes = Buffer.from(name, "utf8");
    const valueBytes = Buffer.from(value, "utf8");
    const header = Buffer.alloc(1 + nameBytes.length + 1 + 2);
    header.writeUInt8(nameBytes.length, 0);
    nameBytes.copy(header, 1);
    header.writeUInt8(STRING_HEADER, 1 + nameBytes.length);
    header.writeUInt16BE(valueBytes.length, 2 + nameBytes.length);
    parts.push(header, valueBytes);
  }
  const headerBytes = Buffer.concat(parts);
  const total = 12 + headerBytes.length + payload.length + 4;
  const message = Buffer.alloc(total);
  message.writeUInt32BE(total, 0);
  message.writeUInt32BE(headerBytes.length, 4);
  message.writeUInt32BE(crc32(message.subarray(0, 8)), 8);
  headerBytes.copy(message, 12);
  message.set(payload, 12 + headerBytes.length);
  message.writeUInt32BE(crc32(message.subarray(0, total - 4)), total - 4);
  return message;
}

/** An event of the stream's union (sessionStart, sessionUpdate) with a JSON payload. */
export function eventMessage(eventType: string, body: unknown): Uint8Array {
  return encodeMessage(
    { ":message-type": "event", ":event-type": eventType, ":content-type": "application/json" },
    Buffer.from(JSON.stringify(body), "utf8"),
  );
}

/** A modelled stream error (SessionTimeoutException, SessionStreamingException). */
export function exceptionMessage(exceptionType: string, message: string): Uint8Array {
  return encodeMessage(
    { ":message-type": "exception", ":exception-type": exceptionType, ":content-type": "application/json" },
    Buffer.from(JSON.stringify({ message }), "utf8"),
  );
}
