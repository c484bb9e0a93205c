/**
 * Just enough of the Hocuspocus wire format to look inside an incoming message before it is
 * applied: `varString(document) varUint(type) …`; a sync message continues with
 * `varUint(step) varUint8Array(payload)`, an awareness message with `varUint8Array(update)`.
 * (lib0's variable-length encoding, as Yjs and y-protocols write it.)
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_SYNC_REPLY = 4;
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

export type PeekedMessage =
  | { kind: "update"; update: Uint8Array }
  | { kind: "awareness"; bytes: number }
  | { kind: "other" }
  | { kind: "malformed" };

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}

  varUint(): number {
    let num = 0;
    let mult = 1;
    for (;;) {
      if (this.pos >= this.buf.length) throw new RangeError("unexpected end of message");
      const byte = this.buf[this.pos++]!;
      num += (byte & 0x7f) * mult;
      if (byte < 0x80) return num;
      mult *= 128;
      if (mult > Number.MAX_SAFE_INTEGER) throw new RangeError("integer out of range");
    }
  }

  bytes(): Uint8Array {
    const len = this.varUint();
    if (this.pos + len > this.buf.length) throw new RangeError("unexpected end of message");
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }
}

/** What an incoming message carries: a document update (sync step 2 or update), awareness, or anything else. */
export function peekMessage(message: Uint8Array): PeekedMessage {
  try {
    const r = new Reader(message);
    r.bytes(); // the document name
    const type = r.varUint();
    if (type === MESSAGE_AWARENESS) return { kind: "awareness", bytes: r.bytes().byteLength };
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return { kind: "other" };
    const step = r.varUint();
    if (step === SYNC_STEP_1) return { kind: "other" };
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return { kind: "malformed" };
    return { kind: "update", update: r.bytes() };
  } catch {
    return { kind: "malformed" };
  }
}
