CREATE TABLE "payment_enhancements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"weekly_amount" integer NOT NULL,
	"level_of_need" text NOT NULL,
	"agreed_on" date NOT NULL,
	"review_due_on" date NOT NULL,
	"ended_on" date,
	"notes" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"effective_from" date NOT NULL,
	"allowance_0_4" integer NOT NULL,
	"allowance_5_10" integer NOT NULL,
	"allowance_11_15" integer NOT NULL,
	"allowance_16_17" integer NOT NULL,
	"fee_level_1" integer NOT NULL,
	"fee_level_2" integer NOT NULL,
	"fee_level_3" integer NOT NULL,
	"day_care_hourly" integer NOT NULL,
	"living_wage_hourly" integer NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_rates_effective_from_unique" UNIQUE("effective_from")
);
--> statement-breakpoint
ALTER TABLE "payment_enhancements" ADD CONSTRAINT "payment_enhancements_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_enhancements" ADD CONSTRAINT "payment_enhancements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_rates" ADD CONSTRAINT "payment_rates_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_enhancements_current_idx" ON "payment_enhancements" USING btree ("placement_id") WHERE "payment_enhancements"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "payment_enhancements_review_idx" ON "payment_enhancements" USING btree ("review_due_on","placement_id") WHERE "payment_enhancements"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "payment_enhancements_placement_idx" ON "payment_enhancements" USING btree ("placement_id","agreed_on","ended_on");