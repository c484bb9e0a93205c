"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/http/action";
import { createIncident } from "@/lib/incidents/create-incident";
import { incidentFormSchema, incidentFromForm } from "@/lib/incidents/incident-form";

export const createIncidentAction = formAction(incidentFormSchema, async (actor, form) => {
  const incident = await createIncident(actor, incidentFromForm(form));
  redirect(`/incidents/${incident.id}?created=1`);
});
