"use client";

import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { Bold, Code, Heading2, Heading3, Italic, Link2, List, ListOrdered, Quote, Redo2, Undo2 } from "lucide-react";
import { useEffect, type ReactNode } from "react";
import type { DocNode } from "@/lib/editor/doc";
import { isSafeHref } from "@/lib/editor/doc";
import { editorExtensions } from "@/lib/editor/extensions";
import { cn } from "@/components/ui/cn";

function ToolButton({ label, active, onClick, children, disabled }: { label: string; active?: boolean; onClick: () => void; children: ReactNode; disabled?: boolean }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={active}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className={cn("rounded p-1.5 text-muted hover:bg-surface-muted hover:text-foreground disabled:opacity-40", active && "bg-accent-soft text-accent")}
    >
      {children}
    </button>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const c = () => editor.chain().focus();
  const setLink = () => {
    const previous = editor.getAttributes("link").href as string | undefined;
    const url = window.prompt("Link address (https://…). Leave empty to remove the link.", previous ?? "https://");
    if (url === null) return;
    if (!url.trim()) return void c().extendMarkRange("link").unsetLink().run();
    if (!isSafeHref(url.trim())) return void window.alert("Links must start with http://, https:// or mailto:.");
    c().extendMarkRange("link").setLink({ href: url.trim() }).run();
  };
  return (
    <div role="toolbar" aria-label="Formatting" className="flex flex-wrap items-center gap-0.5 border-b border-border px-2 py-1">
      <ToolButton label="Heading" active={editor.isActive("heading", { level: 2 })} onClick={() => c().toggleHeading({ level: 2 }).run()}>
        <Heading2 className="size-4" aria-hidden />
      </ToolButton>
      <ToolButton label="Subheading" active={editor.isActive("heading", { level: 3 })} onClick={() => c().toggleHeading({ level: 3 }).run()}>
        <Heading3 className="size-4" aria-hidden />
      </ToolButton>
      <ToolButton label="Bold (Ctrl+B)" active={editor.isActive("bold")} onClick={() => c().toggleBold().run()}>
        <Bold className="size-4" aria-hidden />
      </ToolButton>
      <ToolButton label="Italic (Ctrl+I)" active={editor.isActive("italic")} onClick={() => c().toggleItalic().run()}>
        <Italic className="size-4" aria-hidden />
      </ToolButton>
      <ToolButton label="Bulleted list" active={editor.isActive("bulletList")} onClick={() => c().toggleBulletList().run()}>
        <List className="size-4" aria-hidden />
      </ToolButton>
      <ToolButton label="Numbered list" active={editor.isActive("orderedList")} onClick={() => c().toggleOrderedList().run()}>
        <ListOrdered className="size-4" aria-hidden />
      </ToolButton>
      <ToolButton label="Quote" active={editor.isActive("blockquote")} onClick={() => c().toggleBlockquote().run()}>
        <Quote className="size-4" aria-hidden />
      </ToolButton>
      <ToolButton label="Code" active={editor.isActive("code")} onClick={() => c().toggleCode().run()}>
        <Code className="size-4" aria-hidden />
      </ToolButton>
      <ToolButton label="Link" active={editor.isActive("link")} onClick={setLink}>
        <Link2 className="size-4" aria-hidden />
      </ToolButton>
      <span className="mx-1 h-5 w-px bg-border" aria-hidden />
      <ToolButton label="Undo (Ctrl+Z)" onClick={() => c().undo().run()} disabled={!editor.can().undo()}>
        <Undo2 className="size-4" aria-hidden />
      </ToolButton>
      <ToolButton label="Redo (Ctrl+Shift+Z)" onClick={() => c().redo().run()} disabled={!editor.can().redo()}>
        <Redo2 className="size-4" aria-hidden />
      </ToolButton>
    </div>
  );
}

/** A quiet rich-text editor with blameless-language hints. `onReady` hands out the editor for programmatic changes. */
export function RichTextEditor({
  initial,
  editable,
  placeholder,
  label,
  onChange,
  onReady,
  className,
}: {
  initial: DocNode;
  editable: boolean;
  placeholder?: string;
  label: string;
  onChange?: (doc: DocNode, editor: Editor) => void;
  onReady?: (editor: Editor) => void;
  className?: string;
}) {
  const editor = useEditor({
    extensions: editorExtensions({ placeholder }),
    content: initial,
    editable,
    immediatelyRender: false,
    editorProps: { attributes: { "aria-label": label, role: "textbox", "aria-multiline": "true", class: "px-4 py-3 sm:px-6 sm:py-5" } },
    // Only real edits count: Tiptap also emits updates for things like toggling editability.
    onUpdate: ({ editor, transaction }) => {
      if (transaction.docChanged) onChange?.(editor.getJSON() as DocNode, editor);
    },
  });
  useEffect(() => {
    if (editor) onReady?.(editor);
  }, [editor, onReady]);
  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);
  return (
    <div className={cn("rounded-lg border border-border bg-surface", className)}>
      {editor && editable ? <Toolbar editor={editor} /> : null}
      {editor ? <EditorContent editor={editor} /> : <div className="min-h-64 animate-pulse rounded-b-lg bg-surface-muted/50" aria-hidden />}
    </div>
  );
}
