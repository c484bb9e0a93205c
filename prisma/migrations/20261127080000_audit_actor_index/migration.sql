-- One person's events of one kind, newest first: My work asks when a product manager last moved an
-- action in each backlog they rank ("action.moved" by them), without walking every team's moves.
CREATE INDEX "AuditEvent_actorId_type_createdAt_idx" ON "AuditEvent"("actorId", "type", "createdAt");
