import { ProfileForm } from "@/components/settings/profile-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { getProfile } from "@/lib/users/get-profile";
import { updateProfileAction } from "./actions";

export const metadata = { title: "Profile · Settings" };

export default async function SettingsPage() {
  const actor = await requireActor("/settings");
  const profile = await getProfile(actor);
  return (
    <>
      <PageHeader title="Profile" description="How you appear to others in Debrief." />
      <Card className="max-w-2xl">
        <CardBody className="p-6">
          <ProfileForm action={updateProfileAction} profile={profile} zones={["UTC", ...Intl.supportedValuesOf("timeZone")]} />
        </CardBody>
      </Card>
    </>
  );
}
