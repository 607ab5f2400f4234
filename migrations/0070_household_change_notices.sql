CREATE TABLE "household_change_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_name" text,
	"on_date" date,
	"details" text,
	"told_by" uuid NOT NULL,
	"told_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dealt_with_at" timestamp with time zone,
	"dealt_with_by" uuid
);
--> statement-breakpoint
ALTER TABLE "household_change_notices" ADD CONSTRAINT "household_change_notices_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_change_notices" ADD CONSTRAINT "household_change_notices_told_by_users_id_fk" FOREIGN KEY ("told_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_change_notices" ADD CONSTRAINT "household_change_notices_dealt_with_by_users_id_fk" FOREIGN KEY ("dealt_with_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_change_notices_household_idx" ON "household_change_notices" USING btree ("household_id","told_at");