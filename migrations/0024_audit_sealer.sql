-- The audit trail is sealed in the background (issue 8, part 5): a request inserts its entries
-- without taking the trail's lock, and the sealer gives each entry its place in the chain (seq),
-- the previous entry's hash and its own hash, in the order the entries committed.
ALTER TABLE "audit_events" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "seq" bigint;--> statement-breakpoint
-- Entries written before this were chained in id order: that is their place.
ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_no_update_or_delete";--> statement-breakpoint
UPDATE "audit_events" AS e SET "seq" = n.seq
  FROM (SELECT "id", row_number() OVER (ORDER BY "id") AS seq FROM "audit_events") AS n
  WHERE e."id" = n."id";--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE ALWAYS TRIGGER "audit_events_no_update_or_delete";--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_sealed_whole" CHECK (
  ("seq" IS NULL) = ("hash" IS NULL) AND ("seq" IS NULL) = ("prev_hash" IS NULL)
);--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_seq_idx" ON "audit_events" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_events_unsealed_idx" ON "audit_events" USING btree ("id") WHERE "audit_events"."seq" is null;--> statement-breakpoint
-- Still append-only: the one update allowed seals an unsealed entry once, leaving its fields as
-- they were. A sealed entry can never change again.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.seq IS NULL AND NEW.seq IS NOT NULL
      AND NEW.id = OLD.id AND NEW.at = OLD.at
      AND NEW.user_id IS NOT DISTINCT FROM OLD.user_id
      AND NEW.username IS NOT DISTINCT FROM OLD.username
      AND NEW.action = OLD.action
      AND NEW.record_type = OLD.record_type
      AND NEW.record_id = OLD.record_id
      AND NEW.route IS NOT DISTINCT FROM OLD.route
      AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id
      AND NEW.detail IS NOT DISTINCT FROM OLD.detail
    THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
