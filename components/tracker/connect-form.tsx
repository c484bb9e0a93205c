"use client";

import { useActionState, useState } from "react";
import { toast } from "sonner";
import type { AnyFormAction } from "@/components/ui/action-types";
import { Alert } from "@/components/ui/alert";
import { CopyField } from "@/components/ui/copy-field";
import { Field, Input, Select } from "@/components/ui/field";
import { SubmitButton, FormFields } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/http/action";
import { PROVIDERS, type ProviderKey } from "./provider-info";

type Current = { provider: ProviderKey; baseUrl: string | null; settings: Record<string, string>; autoPush: boolean } | null;
type Connected = { created: boolean; inboundSecret: string | null; inboundUrl: string };

/**
 * Connects the team's tracker or changes its connection: the tracker, then the fields it needs.
 * Credentials are write-only — when the tracker stays the same, an empty credential keeps the
 * stored one. A webhook secret Debrief generates is shown here once.
 */
export function ConnectForm({ teamId, current, action }: { teamId: string; current: Current; action: AnyFormAction }) {
  const [provider, setProvider] = useState<ProviderKey>(current?.provider ?? "github");
  const [state, formAction] = useActionState(async (prev: ActionResult<unknown>, data: FormData) => {
    const result = await action(prev as never, data);
    if (result?.ok) toast.success(result.message ?? "Saved.");
    return result;
  }, null);
  const fields = state && !state.ok ? state.error.fields : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const connected = state?.ok ? (state.data as Connected) : null;
  const same = current?.provider === provider;
  const s = same ? current.settings : {};
  const v = (name: string, fallback = "") => values?.[name] ?? s[name] ?? fallback;
  const keep = same ? "Stored — leave empty to keep it" : undefined;
  const base = same ? (current.baseUrl ?? "") : "";

  return (
    <form action={formAction} noValidate>
      <FormFields className="space-y-4">
        <input type="hidden" name="forTeam" value={teamId} />
        {state && !state.ok && !fields ? <Alert tone="error">{state.error.message}</Alert> : null}
        <fieldset>
          <legend className="mb-2 text-sm font-medium">Tracker</legend>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            {PROVIDERS.map((p) => (
              <label key={p.key} className="flex cursor-pointer items-start gap-2 rounded-md border border-border px-3 py-2 has-[:checked]:border-accent has-[:checked]:bg-accent-soft">
                <input type="radio" name="provider" value={p.key} checked={provider === p.key} onChange={() => setProvider(p.key)} className="mt-1" />
                <span className="text-sm">
                  <span className="font-medium">{p.name}</span>
                  <span className="block text-xs text-muted">{p.blurb}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <div key={provider} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          {provider === "github" ? (
            <>
              <Field label="Owner" error={fields?.owner} required>
                {(p) => <Input {...p} name="owner" defaultValue={v("owner")} placeholder="acme" autoComplete="off" />}
              </Field>
              <Field label="Repository" error={fields?.repo} required>
                {(p) => <Input {...p} name="repo" defaultValue={v("repo")} placeholder="payments" autoComplete="off" />}
              </Field>
              <Field label="Token" error={fields?.token} hint="A fine-grained token with Issues: read and write on the repository." className="sm:col-span-2">
                {(p) => <Input {...p} name="token" type="password" autoComplete="new-password" placeholder={keep ?? "github_pat_…"} />}
              </Field>
              <Field label="API base URL" error={fields?.baseUrl} hint="Leave empty for github.com. GitHub Enterprise Server: https://<host>/api/v3." className="sm:col-span-2">
                {(p) => <Input {...p} name="baseUrl" type="url" defaultValue={values?.baseUrl ?? (base === "https://api.github.com" ? "" : base)} placeholder="https://api.github.com" />}
              </Field>
            </>
          ) : provider === "jira" ? (
            <>
              <Field label="Site URL" error={fields?.baseUrl} required className="sm:col-span-2">
                {(p) => <Input {...p} name="baseUrl" type="url" defaultValue={values?.baseUrl ?? base} placeholder="https://acme.atlassian.net" />}
              </Field>
              <Field label="Deployment" error={fields?.deployment}>
                {(p) => (
                  <Select {...p} name="deployment" defaultValue={v("deployment", "cloud")}>
                    <option value="cloud">Cloud (e-mail + API token)</option>
                    <option value="datacenter">Data Center (personal access token)</option>
                  </Select>
                )}
              </Field>
              <Field label="Project key" error={fields?.projectKey} required>
                {(p) => <Input {...p} name="projectKey" defaultValue={v("projectKey")} placeholder="PAY" autoComplete="off" />}
              </Field>
              <Field label="Issue type" error={fields?.issueType} hint="Task when empty.">
                {(p) => <Input {...p} name="issueType" defaultValue={v("issueType", "Task")} autoComplete="off" />}
              </Field>
              <Field label="Account e-mail" error={fields?.email} hint="Cloud only: the account the API token belongs to.">
                {(p) => <Input {...p} name="email" type="email" defaultValue={v("email")} autoComplete="off" />}
              </Field>
              <Field label="API token" error={fields?.apiToken} hint="Cloud: an API token. Data Center: a personal access token." className="sm:col-span-2">
                {(p) => <Input {...p} name="apiToken" type="password" autoComplete="new-password" placeholder={keep} />}
              </Field>
            </>
          ) : provider === "linear" ? (
            <>
              <Field label="Team" error={fields?.teamId} hint="The team's key (e.g. ENG) or id." required>
                {(p) => <Input {...p} name="teamId" defaultValue={v("teamId")} placeholder="ENG" autoComplete="off" />}
              </Field>
              <Field label="API key" error={fields?.apiKey} hint="A personal API key (Settings → API).">
                {(p) => <Input {...p} name="apiKey" type="password" autoComplete="new-password" placeholder={keep ?? "lin_api_…"} />}
              </Field>
              <Field label="Webhook signing secret" error={fields?.webhookSecret} hint="Linear shows it when you create the webhook (see below). Leave empty to keep the stored one.">
                {(p) => <Input {...p} name="webhookSecret" type="password" autoComplete="off" />}
              </Field>
              <Field label="API URL" error={fields?.baseUrl} hint="Leave empty for Linear itself; set it for a proxy.">
                {(p) => <Input {...p} name="baseUrl" type="url" defaultValue={values?.baseUrl ?? (base === "https://api.linear.app/graphql" ? "" : base)} placeholder="https://api.linear.app/graphql" />}
              </Field>
            </>
          ) : (
            <>
              <Field label="Receiver URL" error={fields?.baseUrl} required className="sm:col-span-2" hint="Debrief POSTs each action here as JSON, signed with HMAC-SHA256 in X-Debrief-Signature.">
                {(p) => <Input {...p} name="baseUrl" type="url" defaultValue={values?.baseUrl ?? base} placeholder="https://hooks.example.com/debrief" />}
              </Field>
              <Field label="Shared secret" error={fields?.secret} className="sm:col-span-2">
                {(p) => <Input {...p} name="secret" type="password" autoComplete="new-password" placeholder={keep} />}
              </Field>
            </>
          )}
        </div>

        <label className="flex items-start gap-2 text-sm">
          <input type="hidden" name="autoPush" value="false" />
          <input type="checkbox" name="autoPush" defaultChecked={current?.autoPush ?? false} className="mt-1" />
          <span>
            Push agreed actions automatically when their review is published
            <span className="block text-xs text-muted">Otherwise each action is pushed from its review or the backlog.</span>
          </span>
        </label>

        <SubmitButton pendingLabel="Saving…">{current ? "Save changes" : "Connect"}</SubmitButton>

        {connected?.inboundSecret ? (
          <Alert tone="success" title="Copy the webhook secret now: it is not shown again">
            <CopyField label="Webhook secret" value={connected.inboundSecret} className="mt-2" hint="Paste it into the tracker’s webhook settings, with the tracker webhook URL shown under “Changes coming back”." />
          </Alert>
        ) : null}
      </FormFields>
    </form>
  );
}
