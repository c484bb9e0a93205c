import { describe, expect, it } from "vitest";
import { findMentions } from "./mentions";

const people = [
  { userId: "riley", name: "Riley Responder", email: "responder1@example.com" },
  { userId: "sam", name: "Sam Responder", email: "responder2@example.com" },
  { userId: "sam-short", name: "Sam", email: "sam@example.com" },
  { userId: "fran", name: "Fran Facilitator", email: "facilitator@example.com" },
  { userId: "nameless", name: null, email: "nameless@example.com" },
];

describe("findMentions", () => {
  it("finds people by e-mail address and by display name, in order, each once", () => {
    expect(findMentions("@responder1@example.com and @Sam Responder, what did you see? Thanks @riley responder", people)).toEqual(["riley", "sam"]);
    expect(findMentions("Ask @nameless@example.com.", people)).toEqual(["nameless"]);
    expect(findMentions("(@Fran Facilitator) agreed", people)).toEqual(["fran"]);
  });

  it("prefers the longest name and needs the whole name", () => {
    expect(findMentions("@Sam Responder", people)).toEqual(["sam"]);
    expect(findMentions("@Sam, and @Samantha", people)).toEqual(["sam-short"]);
    expect(findMentions("@Riley", people)).toEqual([]);
  });

  it("ignores addresses written without mentioning, strangers and a bare @", () => {
    expect(findMentions("mail responder1@example.com about it", people)).toEqual([]);
    expect(findMentions("@stranger@example.com @Nobody Here @ @@Riley Responder", people)).toEqual([]);
    expect(findMentions("", people)).toEqual([]);
  });
});
