CREATE TABLE "safer_care_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"agreed_on" date NOT NULL,
	"review_by" date NOT NULL,
	"reason" text NOT NULL,
	"covers" text[] NOT NULL,
	"summary" text NOT NULL,
	"copy_given_on" date,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "safer_care_plans" ADD CONSTRAINT "safer_care_plans_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safer_care_plans" ADD CONSTRAINT "safer_care_plans_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "safer_care_plans_household_idx" ON "safer_care_plans" USING btree ("household_id","agreed_on");