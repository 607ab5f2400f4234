-- One table of checks: the stage 1 checks of an assessment (recruitment_checks) join the household's
-- checks (person_checks), keeping every row, its id and who recorded it.
DROP INDEX "person_checks_household_idx";--> statement-breakpoint
ALTER TABLE "person_checks" ADD COLUMN "satisfactory" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "person_checks" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "person_checks" ADD COLUMN "recorded_by" uuid;--> statement-breakpoint
ALTER TABLE "person_checks" ADD CONSTRAINT "person_checks_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_checks_household_idx" ON "person_checks" USING btree ("household_id","kind");--> statement-breakpoint
INSERT INTO "person_checks" ("id", "household_id", "carer_id", "member_id", "kind", "completed_on", "expires_on", "satisfactory", "note", "recorded_by", "created_at")
  SELECT "id", "household_id", "carer_id", "member_id", "kind", "done_on", "expires_on", "satisfactory", "note", "recorded_by", "created_at"
  FROM "recruitment_checks";--> statement-breakpoint
DROP TABLE "recruitment_checks" CASCADE;
