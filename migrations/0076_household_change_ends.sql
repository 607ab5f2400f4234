ALTER TABLE "carer_ambassadors" ADD COLUMN "ended_by" text;--> statement-breakpoint
ALTER TABLE "hub_families" ADD COLUMN "ended_by" text;--> statement-breakpoint
ALTER TABLE "hub_links" ADD COLUMN "ended_by" text;--> statement-breakpoint
-- What ended with a change to its household before this column, read back from the audit trail
-- (each such ending was recorded there with what caused it, `via`), so that undoing that change
-- reopens it as it will reopen those ended from now on.
UPDATE "carer_ambassadors" a SET "ended_by" = e.detail->>'via'
FROM "audit_events" e
WHERE a.ended_on IS NOT NULL AND e.record_type = 'household' AND e.record_id = a.household_id::text
  AND e.detail->>'part' = 'ambassador' AND e.detail->>'ambassadorId' = a.id::text
  AND e.detail->>'via' IN ('carer-left', 'approval-ended');--> statement-breakpoint
UPDATE "hub_families" f SET "ended_by" = 'approval-ended'
FROM "audit_events" e
WHERE f.ended_on IS NOT NULL AND e.record_type = 'household' AND e.record_id = f.household_id::text
  AND e.detail->>'part' = 'hub-family' AND e.detail->>'via' = 'approval-ended'
  AND f.ended_on = greatest(f.started_on, (e.detail->>'endedOn')::date);--> statement-breakpoint
UPDATE "hub_links" l SET "ended_by" = 'hub-approval-ended'
FROM "hub_families" f
WHERE f.id = l.hub_family_id AND f.ended_by = 'approval-ended'
  AND l.ended_on IS NOT NULL AND l.ended_on = greatest(l.started_on, f.ended_on);--> statement-breakpoint
UPDATE "hub_links" l SET "ended_by" = 'approval-ended'
FROM "audit_events" e
WHERE l.ended_on IS NOT NULL AND l.ended_by IS NULL AND e.record_type = 'household' AND e.record_id = l.household_id::text
  AND e.detail->>'part' = 'hub-link' AND e.detail->>'via' = 'approval-ended'
  AND l.ended_on = greatest(l.started_on, (e.detail->>'endedOn')::date);
