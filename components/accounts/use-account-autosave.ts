"use client";

/**
 * Autosave for an account: debounced saves that carry the version they were based on, a copy of
 * every unsaved change on this device (survives reloads and dropped connections, re-sent when
 * back online), a conflict state when another tab or device saved in between, and a warning
 * before leaving with unsaved changes.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { DocNode } from "@/lib/editor/doc";

export type SavedVersion = { version: number; content: DocNode | null; savedAt: string | null };

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "offline" }
  | { kind: "error"; message: string }
  | { kind: "conflict"; mine: DocNode; theirs: SavedVersion };

type LocalDraft = { content: DocNode; baseVersion: number; at: number };

const DEBOUNCE_MS = 800;
const RETRY_MS = 5000;

export function readLocalDraft(key: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function useAccountAutosave(options: { reviewId: string; draftKey: string; initialVersion: number; enabled: boolean }) {
  const { reviewId, draftKey, enabled } = options;
  const version = useRef(options.initialVersion);
  const pending = useRef<DocNode | null>(null);
  const inflight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [state, setStateRaw] = useState<SaveState>({ kind: "idle" });
  const stateRef = useRef<SaveState>(state);
  const setState = (s: SaveState) => {
    stateRef.current = s;
    setStateRaw(s);
  };

  const keepLocal = useCallback(
    (content: DocNode) => {
      try {
        window.localStorage.setItem(draftKey, JSON.stringify({ content, baseVersion: version.current, at: Date.now() } satisfies LocalDraft));
      } catch {
        // Storage full or disabled: the server copy still works.
      }
    },
    [draftKey],
  );

  const flush = useCallback(async (): Promise<void> => {
    if (inflight.current) return inflight.current;
    const run = (async () => {
      // Typing may continue during a save: loop until what is on screen is saved.
      for (;;) {
        const content = pending.current;
        if (!content || stateRef.current.kind === "conflict") return;
        setState({ kind: "saving" });
        try {
          const res = await fetch(`/api/v1/reviews/${reviewId}/accounts/me`, {
            method: "PUT",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ content, baseVersion: version.current }),
          });
          const body = await res.json().catch(() => null);
          if (res.ok) {
            version.current = body.version;
            if (pending.current === content) {
              pending.current = null;
              window.localStorage.removeItem(draftKey);
            } else if (pending.current) keepLocal(pending.current);
            setState({ kind: "saved", at: new Date(body.savedAt) });
            continue;
          }
          if (res.status === 409 && body?.error?.details?.current) {
            setState({ kind: "conflict", mine: pending.current ?? content, theirs: body.error.details.current });
          } else {
            setState({ kind: "error", message: body?.error?.message ?? `Saving failed (HTTP ${res.status}). Your text is kept on this device.` });
          }
        } catch {
          setState({ kind: "offline" });
        }
        return;
      }
    })();
    inflight.current = run;
    try {
      await run;
    } finally {
      inflight.current = null;
    }
  }, [draftKey, keepLocal, reviewId]);

  /** Call on every edit. */
  const change = useCallback(
    (content: DocNode) => {
      if (!enabled) return;
      pending.current = content;
      keepLocal(content);
      if (stateRef.current.kind === "conflict") {
        setState({ ...stateRef.current, mine: content });
        return;
      }
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [enabled, flush, keepLocal],
  );

  /** Resolve a conflict by saving this tab's text over the other version. */
  const keepMine = useCallback(async () => {
    const s = stateRef.current;
    if (s.kind !== "conflict") return;
    version.current = s.theirs.version;
    pending.current = s.mine;
    keepLocal(s.mine);
    setState({ kind: "idle" });
    await flush();
  }, [flush, keepLocal]);

  /** Resolve a conflict by taking the saved version; returns it for the editor. */
  const takeSaved = useCallback((): DocNode | null => {
    const s = stateRef.current;
    if (s.kind !== "conflict") return null;
    version.current = s.theirs.version;
    pending.current = null;
    window.localStorage.removeItem(draftKey);
    setState({ kind: "saved", at: s.theirs.savedAt ? new Date(s.theirs.savedAt) : new Date() });
    return s.theirs.content;
  }, [draftKey]);

  /** On load: a newer copy on this device is restored and re-sent; one based on an older version is a conflict. */
  const restore = useCallback(
    (serverContent: DocNode): DocNode | null => {
      const draft = readLocalDraft(draftKey);
      if (!draft || JSON.stringify(draft.content) === JSON.stringify(serverContent)) {
        if (draft) window.localStorage.removeItem(draftKey);
        return null;
      }
      pending.current = draft.content;
      if (draft.baseVersion < version.current) {
        setState({ kind: "conflict", mine: draft.content, theirs: { version: version.current, content: serverContent, savedAt: null } });
        return draft.content;
      }
      void flush();
      return draft.content;
    },
    [draftKey, flush],
  );

  // Offline: retry now and then, and as soon as the browser is back online.
  useEffect(() => {
    if (state.kind !== "offline") return;
    const retry = () => void flush();
    const interval = setInterval(retry, RETRY_MS);
    window.addEventListener("online", retry);
    return () => {
      clearInterval(interval);
      window.removeEventListener("online", retry);
    };
  }, [state.kind, flush]);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (pending.current || inflight.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  const hasUnsaved = () => Boolean(pending.current || inflight.current);
  return { state, change, flush, keepMine, takeSaved, restore, hasUnsaved, version };
}
