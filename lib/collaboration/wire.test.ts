import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { docText } from "../editor/doc";
import { narrativeSnapshot, narrativeStateFromJson } from "./narrative-snapshot";
import { peekMessage } from "./wire";

function message(doc: string, ...parts: (number | Uint8Array)[]): Uint8Array {
  const out: number[] = [];
  const uint = (n: number) => {
    for (; n > 0x7f; n = Math.floor(n / 128)) out.push(0x80 | (n & 0x7f));
    out.push(n);
  };
  const bytes = (b: Uint8Array) => {
    uint(b.byteLength);
    out.push(...b);
  };
  bytes(new TextEncoder().encode(doc));
  for (const p of parts) {
    if (typeof p === "number") uint(p);
    else bytes(p);
  }
  return Uint8Array.from(out);
}

describe("peekMessage", () => {
  const update = new Uint8Array(300).fill(7);
  it("finds the update in sync step 2 and update messages, and nothing in others", () => {
    expect(peekMessage(message("d", 0, 2, update))).toEqual({ kind: "update", update });
    expect(peekMessage(message("d", 0, 1, update))).toEqual({ kind: "update", update });
    expect(peekMessage(message("d", 4, 2, update))).toEqual({ kind: "update", update });
    expect(peekMessage(message("d", 0, 0, update))).toEqual({ kind: "other" });
    expect(peekMessage(message("d", 1, update))).toEqual({ kind: "awareness", bytes: 300 });
    expect(peekMessage(message("d", 2, 0))).toEqual({ kind: "other" });
  });
  it("calls truncated and nonsensical messages malformed", () => {
    expect(peekMessage(message("d", 0, 7, update)).kind).toBe("malformed");
    expect(peekMessage(message("d", 0, 2, update).subarray(0, 20)).kind).toBe("malformed");
    expect(peekMessage(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])).kind).toBe("malformed");
    expect(peekMessage(new Uint8Array()).kind).toBe("malformed");
  });
});

describe("narrativeSnapshot", () => {
  it("turns the Yjs state into the editor's Tiptap JSON and text, and back", () => {
    const json = {
      type: "doc" as const,
      content: [
        { type: "heading" as const, attrs: { level: 2 }, content: [{ type: "text" as const, text: "Timeline" }] },
        { type: "paragraph" as const, content: [{ type: "text" as const, text: "Rolled back at ", marks: [{ type: "bold" as const }] }, { type: "text" as const, text: "14:20" }] },
        { type: "bulletList" as const, content: [{ type: "listItem" as const, content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text: "paging worked" }] }] }] },
      ],
    };
    const snapshot = narrativeSnapshot(narrativeStateFromJson(json));
    expect(snapshot.json).toMatchObject(json);
    expect(snapshot.text).toBe(docText(json));
    expect(snapshot.text).toBe("Timeline\nRolled back at 14:20\npaging worked");
  });

  it("drops content the editor's schema does not know, without touching the document it read", () => {
    const doc = new Y.Doc();
    const script = new Y.XmlElement("script");
    script.insert(0, [new Y.XmlText("alert(1)")]);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("kept")]);
    doc.getXmlFragment("default").push([script, paragraph]);
    const state = Y.encodeStateAsUpdate(doc);
    expect(narrativeSnapshot(state).text).toBe("kept");
    expect(JSON.stringify(narrativeSnapshot(state).json)).not.toContain("alert");
    expect(doc.getXmlFragment("default").length).toBe(2);
  });
});
