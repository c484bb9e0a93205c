"use client";

import * as Dialog from "@radix-ui/react-alert-dialog";
import { DocView } from "@/components/editor/doc-view";
import { buttonClass } from "@/components/ui/button";
import type { DocNode } from "@/lib/editor/doc";
import type { SavedVersion } from "./use-account-autosave";

/** Both versions side by side; the author chooses which to keep. Nothing is overwritten silently. */
export function ConflictDialog({ mine, theirs, onKeepMine, onTakeSaved }: { mine: DocNode; theirs: SavedVersion; onKeepMine: () => void; onTakeSaved: () => void }) {
  return (
    <Dialog.Root open>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 flex max-h-[90dvh] w-[calc(100%-2rem)] max-w-4xl -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg border border-border bg-surface p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">Your account was changed somewhere else</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-muted">
            Another tab or device saved a different version while you were writing here. Choose which one to keep; the other is discarded.
          </Dialog.Description>
          <div className="mt-4 grid min-h-0 flex-1 gap-4 overflow-auto md:grid-cols-2">
            <section aria-label="This tab's version" className="rounded-md border border-accent/40 p-4">
              <h3 className="mb-2 text-sm font-semibold">This tab</h3>
              <DocView doc={mine} />
            </section>
            <section aria-label="Saved version" className="rounded-md border border-border p-4">
              <h3 className="mb-2 text-sm font-semibold">
                Saved version {theirs.savedAt ? <span className="font-normal text-muted">({new Date(theirs.savedAt).toLocaleString()})</span> : null}
              </h3>
              <DocView doc={theirs.content} />
            </section>
          </div>
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <Dialog.Action className={buttonClass("secondary")} onClick={onTakeSaved}>
              Use the saved version
            </Dialog.Action>
            <Dialog.Action className={buttonClass("primary")} onClick={onKeepMine}>
              Keep this tab&apos;s version
            </Dialog.Action>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
