CREATE TABLE "review_renewed_checks" (
	"review_id" uuid NOT NULL,
	"check_id" uuid NOT NULL,
	CONSTRAINT "review_renewed_checks_review_id_check_id_pk" PRIMARY KEY("review_id","check_id"),
	CONSTRAINT "review_renewed_checks_check_id_unique" UNIQUE("check_id")
);
--> statement-breakpoint
ALTER TABLE "review_renewed_checks" ADD CONSTRAINT "review_renewed_checks_review_id_annual_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."annual_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_renewed_checks" ADD CONSTRAINT "review_renewed_checks_check_id_person_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."person_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The checks recorded at reviews until now, as checks of the household (review_checks said only
-- which kind, not whose): each becomes a check in the household's record with its date and note,
-- linked to its review. They carry no expiry date, so, as before, they set no renewal deadline.
WITH moved AS (
  SELECT gen_random_uuid() AS check_id, c.review_id, r.household_id, c.kind, c.checked_on, c.note, c.recorded_by, c.created_at
  FROM "review_checks" c JOIN "annual_reviews" r ON r.id = c.review_id
), written AS (
  INSERT INTO "person_checks" ("id", "household_id", "kind", "completed_on", "note", "recorded_by", "created_at")
  SELECT check_id, household_id, kind, checked_on, note, recorded_by, created_at FROM moved
)
INSERT INTO "review_renewed_checks" ("review_id", "check_id") SELECT review_id, check_id FROM moved;
