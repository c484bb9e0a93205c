/** Reading a server-sent event stream in end-to-end tests. */

/** Reads `reader` into `state.text` until `until` matches what was read so far; fails if the stream ends first. */
export async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, until: RegExp, state: { text: string }): Promise<string> {
  const decoder = new TextDecoder();
  while (!until.test(state.text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended; read so far:\n${state.text}`);
    state.text += decoder.decode(value, { stream: true });
  }
  return state.text;
}
