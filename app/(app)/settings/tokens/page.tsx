import { KeyRound } from "lucide-react";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requireActor } from "@/lib/auth/current-actor";
import { listApiTokens } from "@/lib/auth/manage-api-tokens";
import { requestOrigin } from "@/lib/http/origin";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export const metadata = { title: "API tokens · Settings" };

export default async function TokensPage() {
  const actor = await requireActor("/settings/tokens");
  const [tokens, origin] = await Promise.all([listApiTokens(actor), requestOrigin()]);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Personal tokens let scripts use Debrief’s API as you, with your permissions. The API is described at{" "}
            <a href="/api/v1/openapi.json" className="text-accent hover:underline">
              /api/v1/openapi.json
            </a>{" "}
            (OpenAPI).
          </>
        }
      />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <Card>
          <CardHeader title="Your tokens" description={tokens.length ? `${tokens.length} active` : undefined} />
          <CardBody className={tokens.length ? "py-1" : undefined}>
            {tokens.length ? (
              <ul className="divide-y divide-border">
                {tokens.map((t) => {
                  const expired = t.expiresAt !== null && t.expiresAt <= now;
                  return (
                    <li key={t.id} aria-label={t.name} className="flex items-start justify-between gap-3 py-3">
                      <div className="min-w-0 space-y-1">
                        <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                          <span className="truncate">{t.name}</span>
                          <code className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-xs text-muted">{t.prefix}…</code>
                          {expired ? <Badge tone="warning">Expired</Badge> : null}
                        </p>
                        <p className="text-xs text-muted">
                          Created <Time date={t.createdAt} relative /> · {t.lastUsedAt ? <>last used <Time date={t.lastUsedAt} relative /></> : "never used"} ·{" "}
                          {t.expiresAt ? (
                            <>
                              {expired ? "expired" : "expires"} <Time date={t.expiresAt} dateOnly />
                            </>
                          ) : (
                            "no expiry"
                          )}
                        </p>
                      </div>
                      <ConfirmAction
                        action={revokeApiTokenAction}
                        fields={{ tokenId: t.id, name: t.name }}
                        label="Revoke"
                        ariaLabel={`Revoke ${t.name}`}
                        variant="ghost"
                        title={`Revoke “${t.name}”?`}
                        description={<p>Anything using this token is refused from now on. This cannot be undone; you can create a new token.</p>}
                        confirmLabel="Revoke token"
                        pendingLabel="Revoking…"
                      />
                    </li>
                  );
                })}
              </ul>
            ) : (
              <EmptyState icon={KeyRound} title="No API tokens">
                Create one for each script or tool that uses the API, so you can revoke one without breaking the others.
              </EmptyState>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Create a token" />
          <CardBody>
            <CreateTokenForm action={createApiTokenAction} origin={origin} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
