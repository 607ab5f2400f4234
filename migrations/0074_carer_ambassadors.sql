CREATE TABLE "ambassador_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambassador_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "carer_ambassadors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"carer_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ambassador_activities" ADD CONSTRAINT "ambassador_activities_ambassador_id_carer_ambassadors_id_fk" FOREIGN KEY ("ambassador_id") REFERENCES "public"."carer_ambassadors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_activities" ADD CONSTRAINT "ambassador_activities_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_activities" ADD CONSTRAINT "ambassador_activities_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_ambassadors" ADD CONSTRAINT "carer_ambassadors_carer_id_carers_id_fk" FOREIGN KEY ("carer_id") REFERENCES "public"."carers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_ambassadors" ADD CONSTRAINT "carer_ambassadors_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_ambassadors" ADD CONSTRAINT "carer_ambassadors_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ambassador_activities_household_idx" ON "ambassador_activities" USING btree ("household_id","on_date");--> statement-breakpoint
CREATE INDEX "ambassador_activities_ambassador_idx" ON "ambassador_activities" USING btree ("ambassador_id");--> statement-breakpoint
CREATE INDEX "ambassador_activities_on_idx" ON "ambassador_activities" USING btree ("on_date");--> statement-breakpoint
CREATE UNIQUE INDEX "carer_ambassadors_open_idx" ON "carer_ambassadors" USING btree ("carer_id") WHERE ended_on is null;--> statement-breakpoint
CREATE INDEX "carer_ambassadors_household_idx" ON "carer_ambassadors" USING btree ("household_id","started_on");--> statement-breakpoint
CREATE INDEX "carer_ambassadors_started_idx" ON "carer_ambassadors" USING btree ("started_on");