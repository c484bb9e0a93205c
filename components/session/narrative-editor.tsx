"use client";

import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { HintList } from "@/components/accounts/hint-list";
import { Badge } from "@/components/ui/badge";
import { collaborationExtensions } from "@/lib/editor/collaboration";
import { docText, type DocNode } from "@/lib/editor/doc";
import { editorExtensions } from "@/lib/editor/extensions";
import { useCollab } from "./collab-context";

const STATUS_LABEL = { connecting: "Connecting…", connected: "Live", offline: "Offline — your edits are kept here and merged when you are back", refused: "Not connected" };

/**
 * The review's narrative, co-edited live by everyone in the session: other people's cursors,
 * edits kept while offline and merged on reconnect, blameless-language hints.
 */
export function NarrativeEditor({ editable }: { editable: boolean }) {
  const { ydoc, provider, status, error, readOnly } = useCollab();
  const [text, setText] = useState("");
  const canEdit = editable && !readOnly && status !== "refused";
  const editor = useEditor(
    {
      extensions: [
        ...editorExtensions({ placeholder: "Write the story of the incident together…", collaborative: true }),
        ...collaborationExtensions(ydoc, provider?.awareness ?? null),
      ],
      editable: canEdit,
      immediatelyRender: false,
      editorProps: { attributes: { "aria-label": "Narrative", role: "textbox", "aria-multiline": "true", class: "px-4 py-3 sm:px-6 sm:py-5" } },
      onUpdate: ({ editor: e }) => setText(docText(e.getJSON() as DocNode)),
      onCreate: ({ editor: e }) => setText(docText(e.getJSON() as DocNode)),
    },
    [provider],
  );
  useEffect(() => {
    if (editor && editor.isEditable !== canEdit) editor.setEditable(canEdit, false);
  }, [editor, canEdit]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 text-xs" role="status" aria-live="polite" data-collab-status={status}>
        <span aria-hidden className={`size-2 rounded-full ${status === "connected" ? "bg-success" : status === "connecting" ? "bg-warning" : "bg-danger"}`} />
        {STATUS_LABEL[status]}
        {readOnly || !editable ? <Badge>Read-only</Badge> : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      <div className="rounded-lg border border-border bg-surface">
        {editor ? <EditorContent editor={editor} /> : <div className="min-h-64 animate-pulse rounded-lg bg-surface-muted/50" aria-hidden />}
      </div>
      {canEdit ? <HintList text={text} /> : null}
    </div>
  );
}
