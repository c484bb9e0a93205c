import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoPushToggle } from "@/components/tracker/auto-push-toggle";
import { ChatWebhookForm } from "@/components/tracker/chat-webhook-form";
import { ConnectForm } from "@/components/tracker/connect-form";
import { connectionTarget, providerName, WEBHOOK_STEPS, type ProviderKey } from "@/components/tracker/provider-info";
import { RotateSecret } from "@/components/tracker/rotate-secret";
import { SyncActivity } from "@/components/tracker/sync-activity";
import { TestConnection } from "@/components/tracker/test-connection";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { CopyField } from "@/components/ui/copy-field";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requireActor } from "@/lib/auth/current-actor";
import { getBacklogConnection } from "@/lib/backlog/get-backlog-connection";
import { listSyncActivity } from "@/lib/backlog/list-sync-activity";
import { isAppError } from "@/lib/errors";
import {
  connectTrackerAction,
  disconnectTrackerAction,
  retryPushAction,
  rotateSecretAction,
  setAutoPushAction,
  setChatWebhookAction,
  testTrackerAction,
} from "./actions";

export const metadata = { title: "Tracker" };

async function load(slug: string) {
  const actor = await requireActor(`/teams/${slug}/tracker`);
  try {
    return { actor, state: await getBacklogConnection(actor, slug) };
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export default async function TrackerPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, state } = await load(slug);
  const { team, connection, abilities, chatWebhook } = state;
  const activity = await listSyncActivity(actor, team.id);
  const manage = abilities.manage;
  const readOnly = <p className="text-xs text-muted">Admins and the team’s product managers manage the tracker.</p>;

  return (
    <>
      <PageHeader
        eyebrow={
          <>
            <Link href="/teams" className="hover:text-foreground hover:underline">
              Teams
            </Link>
            {" / "}
            <Link href={`/teams/${team.slug}`} className="hover:text-foreground hover:underline">
              {team.name}
            </Link>
          </>
        }
        title="Tracker"
        description={`Where ${team.name}’s improvement actions go: pushed once into its issue tracker, kept in sync both ways.`}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader
              title="Connection"
              actions={connection ? <Badge tone="success">Connected</Badge> : <Badge>Not connected</Badge>}
              description={connection ? undefined : "No tracker is connected: actions stay in Debrief until one is."}
            />
            {connection ? (
              <CardBody className="space-y-4">
                <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
                  <dt className="text-muted">Tracker</dt>
                  <dd>{providerName(connection.provider)}</dd>
                  <dt className="text-muted">Where</dt>
                  <dd className="break-all">{connectionTarget(connection.provider, connection.settings, connection.baseUrl)}</dd>
                  {connection.baseUrl ? (
                    <>
                      <dt className="text-muted">Address</dt>
                      <dd className="break-all font-mono text-xs leading-5">{connection.baseUrl}</dd>
                    </>
                  ) : null}
                  <dt className="text-muted">Credentials</dt>
                  <dd>{connection.credentialsStored ? "Stored, encrypted — never shown" : "Missing"}</dd>
                  <dt className="text-muted">Last test</dt>
                  <dd>
                    {connection.lastTest ? (
                      <span className="space-y-1">
                        <Badge tone={connection.lastTest.ok ? "success" : "danger"}>{connection.lastTest.ok ? "OK" : "Failed"}</Badge>{" "}
                        <span className="text-xs text-muted">
                          <Time date={connection.lastTest.at} relative />
                        </span>
                        <span className="block text-xs">{connection.lastTest.message}</span>
                      </span>
                    ) : (
                      "Not tested since the last change"
                    )}
                  </dd>
                </dl>
                {manage ? (
                  <div className="flex flex-wrap items-start justify-between gap-3 border-t border-border pt-4">
                    <TestConnection teamId={team.id} action={testTrackerAction} />
                    <ConfirmAction
                      action={disconnectTrackerAction}
                      fields={{ forTeam: team.id }}
                      label="Disconnect"
                      title={`Disconnect ${providerName(connection.provider)}?`}
                      description="Actions keep their tracker key, link and last known state; nothing is deleted in the tracker. Changes waiting to be sent are not sent."
                      confirmLabel="Disconnect"
                    />
                  </div>
                ) : (
                  readOnly
                )}
              </CardBody>
            ) : !manage ? (
              <CardBody>{readOnly}</CardBody>
            ) : null}
          </Card>

          {manage ? (
            <Card>
              <CardHeader title={connection ? "Change the connection" : "Connect a tracker"} description="Credentials are encrypted before they are stored, and never shown again." />
              <CardBody>
                <ConnectForm
                  teamId={team.id}
                  action={connectTrackerAction}
                  current={connection ? { provider: connection.provider as ProviderKey, baseUrl: connection.baseUrl, settings: connection.settings, autoPush: connection.autoPush } : null}
                />
              </CardBody>
            </Card>
          ) : null}

          <Card>
            <CardHeader title="Recent pushes" description="The team’s actions sent to a tracker lately." />
            <CardBody className="py-1">
              <SyncActivity items={activity} retry={retryPushAction} canRetry={manage && connection !== null} />
            </CardBody>
          </Card>
        </div>

        <div className="min-w-0 space-y-6">
          {connection ? (
            <Card>
              <CardHeader title="Changes coming back" description="Status, assignee and due date changed in the tracker come back through its webhook." />
              <CardBody className="space-y-4">
                {manage ? <CopyField label="Tracker webhook URL" value={connection.inboundWebhook.url} /> : null}
                <p className="text-sm">
                  Webhook secret:{" "}
                  {connection.inboundWebhook.secretConfigured ? <Badge tone="success">Set</Badge> : <Badge tone="warning">Not set — webhooks are refused</Badge>}
                </p>
                {manage ? (
                  <>
                    <ol className="list-decimal space-y-1 pl-5 text-xs text-muted">
                      {WEBHOOK_STEPS[connection.provider as ProviderKey].map((step) => (
                        <li key={step}>{step}</li>
                      ))}
                    </ol>
                    {connection.provider !== "linear" ? <RotateSecret teamId={team.id} action={rotateSecretAction} /> : null}
                  </>
                ) : null}
              </CardBody>
            </Card>
          ) : null}

          {connection ? (
            <Card>
              <CardHeader title="Automatic pushes" />
              <CardBody className="space-y-3">
                <p className="text-sm">
                  {connection.autoPush ? "On: agreed actions are pushed when their review is published." : "Off: actions are pushed one by one, from their review or the backlog."}
                </p>
                {manage ? <AutoPushToggle teamId={team.id} autoPush={connection.autoPush} action={setAutoPushAction} /> : null}
              </CardBody>
            </Card>
          ) : null}

          <Card>
            <CardHeader title="Team chat" description="Reminders about due and overdue actions, and digests, go to this Slack or Teams channel." />
            <CardBody className="space-y-3">
              <p className="text-sm">{chatWebhook.configured ? <Badge tone="success">Set{chatWebhook.host ? ` · ${chatWebhook.host}` : ""}</Badge> : <Badge>Not set</Badge>}</p>
              {manage ? <ChatWebhookForm teamId={team.id} host={chatWebhook.host} action={setChatWebhookAction} /> : readOnly}
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
