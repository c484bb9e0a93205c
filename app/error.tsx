"use client";

import { Button } from "@/components/ui/button";

/** Unexpected errors: say what happened and what to do; the server logged the details. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-sm text-muted">
        This is on our side and it has been logged{error.digest ? ` (reference ${error.digest})` : ""}. Nothing you saved is lost. Try again, or come back in a
        moment.
      </p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
