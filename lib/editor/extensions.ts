/**
 * The editor's extensions, without React: the browser editor and the server (rendering, export,
 * search, collaboration) build the same schema from this list.
 */
import StarterKit from "@tiptap/starter-kit";
import { Placeholder } from "@tiptap/extensions";
import type { AnyExtension } from "@tiptap/core";
import { BlamelessHints } from "./blameless-extension";
import { isSafeHref } from "./doc";

/**
 * `collaborative: true` leaves undo/redo to the collaboration extensions (lib/editor/collaboration.ts),
 * which undo only this person's own changes.
 */
export function editorExtensions(options: { placeholder?: string; hints?: boolean; collaborative?: boolean } = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      ...(options.collaborative ? { undoRedo: false as const } : {}),
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        protocols: ["http", "https", "mailto"],
        isAllowedUri: (url) => isSafeHref(url),
        HTMLAttributes: { rel: "noopener noreferrer nofollow", target: "_blank" },
      },
    }),
    ...(options.placeholder ? [Placeholder.configure({ placeholder: options.placeholder })] : []),
    ...(options.hints === false ? [] : [BlamelessHints]),
  ];
}
