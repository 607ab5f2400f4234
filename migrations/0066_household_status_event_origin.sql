ALTER TABLE "household_status_events" ADD COLUMN "origin" text;--> statement-breakpoint
ALTER TABLE "household_status_events" ADD COLUMN "origin_id" uuid;--> statement-breakpoint
-- Where each change already recorded came from, as the audit trail told it until now: its
-- status-change entry names the event (eventId, since status corrections) or, written before that,
-- matches its statuses within five minutes; the entry's route says the change-status page, and an
-- agency decision names itself (by) and the decision (recordId). A household's first event is its
-- enquiry. Anything else stays unknown (null), which the change-status page treats as not its own.
UPDATE "household_status_events" SET "origin" = 'enquiry' WHERE "from_status" IS NULL;--> statement-breakpoint
UPDATE "household_status_events" e SET "origin" = 'agency-decision', "origin_id" = (a."detail"->>'recordId')::uuid
  FROM "audit_events" a
  WHERE a."record_type" = 'household' AND a."record_id" = e."household_id"::text AND a."action" = 'status-change'
    AND a."detail"->>'eventId' = e."id"::text AND a."detail"->>'by' = 'agency-decision';--> statement-breakpoint
UPDATE "household_status_events" e SET "origin" = 'status-page'
  WHERE e."origin" IS NULL AND EXISTS (
    SELECT 1 FROM "audit_events" a
    WHERE a."record_type" = 'household' AND a."record_id" = e."household_id"::text AND a."action" = 'status-change'
      AND a."route" = 'POST /households/:id/status' AND a."detail"->>'by' IS NULL
      AND (a."detail"->>'eventId' = e."id"::text
        OR (a."detail"->>'eventId' IS NULL
          AND a."detail"->>'to' = e."to_status"
          AND a."detail"->>'from' IS NOT DISTINCT FROM e."from_status"
          AND a."at" BETWEEN e."created_at" - interval '5 minutes' AND e."created_at" + interval '5 minutes')));--> statement-breakpoint
UPDATE "household_status_events" e SET "origin" = 'module-step'
  WHERE e."origin" IS NULL AND EXISTS (
    SELECT 1 FROM "audit_events" a
    WHERE a."record_type" = 'household' AND a."record_id" = e."household_id"::text AND a."action" = 'status-change'
      AND a."detail"->>'eventId' = e."id"::text);
