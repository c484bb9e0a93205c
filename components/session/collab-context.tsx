"use client";

import { HocuspocusProvider } from "@hocuspocus/provider";
import { createContext, useContext, useEffect, useMemo, useState } from "react";
import * as Y from "yjs";
import { describeCollabClose, isFinalCollabClose } from "@/lib/collaboration/close-events";
import { colorFor, type CollaboratorInfo } from "@/lib/editor/collaboration";

export type CollabStatus = "connecting" | "connected" | "offline" | "refused";
type Session = { url: string; document: string; token: string };
type CollabState = {
  ydoc: Y.Doc;
  provider: HocuspocusProvider | null;
  status: CollabStatus;
  error: string | null;
  people: CollaboratorInfo[];
  readOnly: boolean;
};

const Ctx = createContext<CollabState | null>(null);

async function fetchSession(reviewId: string): Promise<Session> {
  const res = await fetch(`/api/v1/reviews/${reviewId}/collaboration`, { method: "POST" });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? "The narrative cannot be opened right now.");
  return body as Session;
}

/**
 * One connection per person to the review's narrative (Yjs over Hocuspocus), shared by the
 * session's presence avatars and the narrative editor. Tokens are short-lived: every
 * (re)connection asks the web app for a fresh one.
 */
export function CollabProvider({ reviewId, me, children }: { reviewId: string; me: { id: string; name: string }; children: React.ReactNode }) {
  const ydoc = useMemo(() => new Y.Doc(), []);
  const [provider, setProvider] = useState<HocuspocusProvider | null>(null);
  const [status, setStatus] = useState<CollabStatus>("connecting");
  const [error, setError] = useState<string | null>(null);
  const [people, setPeople] = useState<CollaboratorInfo[]>([]);
  const [readOnly, setReadOnly] = useState(false);

  useEffect(() => {
    let p: HocuspocusProvider | null = null;
    let cancelled = false;
    fetchSession(reviewId)
      .then((first) => {
        if (cancelled) return;
        let initial: string | null = first.token;
        p = new HocuspocusProvider({
          url: first.url,
          name: first.document,
          document: ydoc,
          token: async () => {
            if (initial) {
              const t = initial;
              initial = null;
              return t;
            }
            return (await fetchSession(reviewId)).token;
          },
          onStatus: ({ status: s }) => setStatus(s === "connected" ? "connected" : s === "connecting" ? "connecting" : "offline"),
          onAuthenticationFailed: ({ reason }) => {
            setStatus("refused");
            setError(describeCollabClose(reason) ?? "You can no longer open this narrative.");
          },
          onClose: ({ event }) => {
            if (isFinalCollabClose(event.reason)) {
              setStatus("refused");
              setError(describeCollabClose(event.reason) ?? "The narrative was closed.");
            }
          },
          onAuthenticated: (data) => setReadOnly((data as { scope?: string } | undefined)?.scope === "readonly"),
          onAwarenessChange: ({ states }) =>
            setPeople(states.map((s) => (s as { user?: CollaboratorInfo }).user).filter((u): u is CollaboratorInfo => Boolean(u?.name))),
        });
        p.setAwarenessField("user", { name: me.name, color: colorFor(me.id) });
        setProvider(p);
      })
      .catch((e: Error) => {
        setStatus("refused");
        setError(e.message);
      });
    return () => {
      cancelled = true;
      p?.destroy();
    };
  }, [reviewId, ydoc, me.id, me.name]);

  const value = useMemo(() => ({ ydoc, provider, status, error, people, readOnly }), [ydoc, provider, status, error, people, readOnly]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useCollab(): CollabState {
  const v = useContext(Ctx);
  if (!v) throw new Error("useCollab outside CollabProvider");
  return v;
}

/** Who is in the session now, as avatars. */
export function Presence() {
  const { people, status } = useCollab();
  const unique = people.filter((p, i) => people.findIndex((q) => q.name === p.name) === i);
  return (
    <div className="flex items-center gap-2">
      <ul aria-label="People here now" className="flex -space-x-1.5">
        {unique.map((p) => (
          <li key={p.name} title={p.name} className="grid size-7 place-items-center rounded-full border-2 border-surface text-[0.65rem] font-semibold text-white" style={{ backgroundColor: p.color }}>
            {p.name
              .split(/\s+/)
              .map((w) => w[0])
              .join("")
              .slice(0, 2)
              .toUpperCase()}
            <span className="sr-only">{p.name}</span>
          </li>
        ))}
      </ul>
      {status === "connected" ? <span className="text-xs text-muted">{unique.length === 1 ? "1 person here" : `${unique.length} people here`}</span> : null}
    </div>
  );
}
