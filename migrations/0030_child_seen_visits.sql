CREATE TABLE "child_seen_visits" (
	"child_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"visit_on" date NOT NULL,
	CONSTRAINT "child_seen_visits_household_id_child_id_visit_on_pk" PRIMARY KEY("household_id","child_id","visit_on")
);
--> statement-breakpoint
ALTER TABLE "child_seen_visits" ADD CONSTRAINT "child_seen_visits_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_seen_visits" ADD CONSTRAINT "child_seen_visits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_seen_visits_visit_idx" ON "child_seen_visits" USING btree ("visit_on","household_id","child_id");--> statement-breakpoint
-- The kept facts for existing records (the derivation of childSeenVisits in supervision/facts.ts;
-- `npm run measures:rebuild-facts` runs it again).
INSERT INTO "child_seen_visits" ("child_id", "household_id", "visit_on")
SELECT DISTINCT sc.child_id, s.household_id, s.visit_date
  FROM supervisions s JOIN supervision_children sc ON sc.supervision_id = s.id
  WHERE s.status = 'final' AND sc.seen IN ('seen', 'seen_alone');
