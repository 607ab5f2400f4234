CREATE TABLE "household_status_periods" (
	"household_id" uuid NOT NULL,
	"status" text NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date,
	CONSTRAINT "household_status_periods_household_id_from_on_pk" PRIMARY KEY("household_id","from_on")
);
--> statement-breakpoint
CREATE TABLE "child_seen_facts" (
	"child_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"last_seen_on" date NOT NULL,
	CONSTRAINT "child_seen_facts_child_id_household_id_pk" PRIMARY KEY("child_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "household_supervision_facts" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"last_visit_on" date,
	"last_unannounced_visit_on" date,
	"agreement_signed_on" date,
	"agreement_review_on" date
);
--> statement-breakpoint
ALTER TABLE "measure_snapshots" ADD COLUMN "provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "measure_snapshots" ADD COLUMN "as_at" date;--> statement-breakpoint
ALTER TABLE "household_status_periods" ADD CONSTRAINT "household_status_periods_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_seen_facts" ADD CONSTRAINT "child_seen_facts_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_seen_facts" ADD CONSTRAINT "child_seen_facts_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_supervision_facts" ADD CONSTRAINT "household_supervision_facts_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_status_periods_status_idx" ON "household_status_periods" USING btree ("status","from_on","to_on");--> statement-breakpoint
CREATE INDEX "child_seen_facts_household_idx" ON "child_seen_facts" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_supervision_facts_visit_idx" ON "household_supervision_facts" USING btree ("last_visit_on");--> statement-breakpoint
CREATE INDEX "household_supervision_facts_unannounced_idx" ON "household_supervision_facts" USING btree ("last_unannounced_visit_on");--> statement-breakpoint
CREATE INDEX "placements_end_idx" ON "placements" USING btree ("end_date");--> statement-breakpoint
CREATE INDEX "supervision_agreements_review_idx" ON "supervision_agreements" USING btree ("review_on","signed_on");--> statement-breakpoint
CREATE INDEX "supervisions_final_visit_idx" ON "supervisions" USING btree ("visit_date","household_id") WHERE "supervisions"."status" = 'final';--> statement-breakpoint
CREATE INDEX "supervisions_final_unannounced_idx" ON "supervisions" USING btree ("visit_date","household_id") WHERE "supervisions"."status" = 'final' and not "supervisions"."announced";