"use client";

import type { Editor } from "@tiptap/react";
import { ChevronRight, Send, Undo } from "lucide-react";
import { useCallback, useRef, useState } from "react";
import { toast } from "sonner";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { docText, wordCount, type DocNode } from "@/lib/editor/doc";
import type { AccountPrompt } from "@/lib/responder-accounts/prompts";
import { ConflictDialog } from "./conflict-dialog";
import { HintList } from "./hint-list";
import { PersonalTimeline, type TimelineEntryView } from "./personal-timeline";
import { SaveIndicator } from "./save-indicator";
import { useAccountAutosave } from "./use-account-autosave";

export type AccountWorkspaceProps = {
  reviewId: string;
  userId: string;
  content: DocNode;
  version: number;
  status: "NOT_STARTED" | "DRAFTING" | "SUBMITTED";
  prompts: AccountPrompt[];
  timeline: TimelineEntryView[];
  canWrite: boolean;
};

const STATUS = { NOT_STARTED: ["Not started", "neutral"], DRAFTING: ["Draft", "accent"], SUBMITTED: ["Submitted", "success"] } as const;

/** Writing one's independent account: prompts, a quiet editor with autosave, a personal timeline, submit. */
export function AccountWorkspace(props: AccountWorkspaceProps) {
  const { reviewId, canWrite } = props;
  const [status, setStatus] = useState(props.status);
  const [text, setText] = useState(() => docText(props.content));
  const [busy, setBusy] = useState(false);
  const editorRef = useRef<Editor | null>(null);
  const editable = canWrite && status !== "SUBMITTED";
  const autosave = useAccountAutosave({ reviewId, draftKey: `debrief:account:${reviewId}:${props.userId}`, initialVersion: props.version, enabled: editable });
  const { restore, change } = autosave;

  const onReady = useCallback(
    (editor: Editor) => {
      editorRef.current = editor;
      if (!editable) return;
      const restored = restore(props.content);
      if (restored) {
        editor.commands.setContent(restored, { emitUpdate: false });
        setText(docText(restored));
      }
    },
    // Restore once, when the editor first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const onChange = useCallback(
    (doc: DocNode) => {
      setText(docText(doc));
      if (status !== "NOT_STARTED" || docText(doc)) setStatus((s) => (s === "NOT_STARTED" ? "DRAFTING" : s));
      change(doc);
    },
    [change, status],
  );

  function answerPrompt(p: AccountPrompt) {
    const editor = editorRef.current;
    if (!editor || !editable) return;
    editor
      .chain()
      .focus("end")
      .insertContent([
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: p.title }] },
        { type: "paragraph" },
      ])
      .run();
  }

  async function call(path: "submit" | "reopen") {
    setBusy(true);
    try {
      if (path === "submit") await autosave.flush();
      if (path === "submit" && autosave.hasUnsaved()) {
        toast.error("Your latest changes are not saved yet. Wait until they are saved, then submit.");
        return;
      }
      const res = await fetch(`/api/v1/reviews/${reviewId}/accounts/me/${path}`, { method: "POST" });
      const body = await res.json().catch(() => null);
      if (!res.ok) return void toast.error(body?.error?.message ?? "That did not work. Please try again.");
      setStatus(body.status);
      toast.success(path === "submit" ? "Account submitted. You can reopen it until the accounts are revealed." : "Account reopened for editing.");
    } catch {
      toast.error("You seem to be offline. Try again when you are back online.");
    } finally {
      setBusy(false);
    }
  }

  const words = wordCount(text);
  const [label, tone] = STATUS[status];
  return (
    <div className="space-y-4">
      <div className="sticky top-[53px] z-20 -mx-4 flex flex-wrap items-center justify-between gap-3 border-b border-border bg-background/95 px-4 py-2 backdrop-blur sm:-mx-8 sm:px-8 lg:top-0">
        <div className="flex flex-wrap items-center gap-3">
          <Badge tone={tone}>{label}</Badge>
          {editable ? <SaveIndicator state={autosave.state} /> : null}
          <span className="text-xs text-muted">{words === 1 ? "1 word" : `${words} words`}</span>
        </div>
        {canWrite ? (
          status === "SUBMITTED" ? (
            <Button variant="secondary" onClick={() => void call("reopen")} disabled={busy}>
              <Undo aria-hidden className="size-4" /> Reopen to edit
            </Button>
          ) : (
            <ConfirmDialog
              trigger={
                <Button disabled={busy || words === 0}>
                  <Send aria-hidden className="size-4" /> Submit account
                </Button>
              }
              title="Submit your account?"
              description={<p>The facilitator will see that you are ready — never what you wrote. You can reopen it until the accounts are revealed.</p>}
              confirmLabel="Submit account"
              onConfirm={() => void call("submit")}
            />
          )
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">
          <details className="group rounded-lg border border-border bg-surface lg:hidden">
            <summary className="flex cursor-pointer items-center gap-2 px-4 py-3 text-sm font-medium">
              <ChevronRight aria-hidden className="size-4 transition-transform group-open:rotate-90" /> Questions to guide you
            </summary>
            <PromptList prompts={props.prompts} onAnswer={editable ? answerPrompt : undefined} />
          </details>
          <RichTextEditor
            initial={props.content}
            editable={editable}
            label="Your account"
            placeholder="Start anywhere. What were you doing when you first noticed something was wrong?"
            onChange={onChange}
            onReady={onReady}
          />
          {editable ? <HintList text={text} /> : null}
        </div>
        <aside className="space-y-6">
          <section aria-labelledby="prompts-heading" className="hidden rounded-lg border border-border bg-surface lg:block">
            <h2 id="prompts-heading" className="px-4 pt-3 text-sm font-semibold">
              Questions to guide you
            </h2>
            <PromptList prompts={props.prompts} onAnswer={editable ? answerPrompt : undefined} />
          </section>
          <PersonalTimeline reviewId={reviewId} initial={props.timeline} editable={editable} />
        </aside>
      </div>
      {autosave.state.kind === "conflict" ? (
        <ConflictDialog
          mine={autosave.state.mine}
          theirs={autosave.state.theirs}
          onKeepMine={() => void autosave.keepMine()}
          onTakeSaved={() => {
            const saved = autosave.takeSaved();
            if (saved && editorRef.current) {
              editorRef.current.commands.setContent(saved, { emitUpdate: false });
              setText(docText(saved));
            }
          }}
        />
      ) : null}
    </div>
  );
}

function PromptList({ prompts, onAnswer }: { prompts: AccountPrompt[]; onAnswer?: (p: AccountPrompt) => void }) {
  return (
    <ul className="space-y-1 p-2">
      {prompts.map((p) => (
        <li key={p.id}>
          <details className="group rounded-md px-2 py-1.5 hover:bg-surface-muted/60">
            <summary className="cursor-pointer text-sm">{p.title}</summary>
            <p className="mt-1 text-xs text-muted">{p.hint}</p>
            {onAnswer ? (
              <button type="button" className="mt-1 text-xs font-medium text-accent hover:underline" onClick={() => onAnswer(p)}>
                Answer this in my account
              </button>
            ) : null}
          </details>
        </li>
      ))}
    </ul>
  );
}
