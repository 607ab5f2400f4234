ALTER TABLE "training_bookings" ADD COLUMN "cancelled_by" text;--> statement-breakpoint
-- Places given up because the carer left before this column, read back from the audit trail (each
-- such cancellation was recorded there with `via` 'carer-left'), so that the leaving cleared books
-- them again as it will those given up from now on.
UPDATE "training_bookings" b SET "cancelled_by" = 'carer-left'
FROM "audit_events" e
WHERE b.status = 'cancelled' AND e.record_type = 'training-booking' AND e.record_id = b.id::text
  AND e.action = 'cancel' AND e.detail->>'via' = 'carer-left'
  AND e.id = (select max(e2.id) from "audit_events" e2 where e2.record_type = 'training-booking' and e2.record_id = b.id::text);
