CREATE TABLE "out_of_hours_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"called_on" date NOT NULL,
	"called_at" text NOT NULL,
	"caller" text NOT NULL,
	"answered_by" text NOT NULL,
	"reason" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "out_of_hours_calls" ADD CONSTRAINT "out_of_hours_calls_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "out_of_hours_calls" ADD CONSTRAINT "out_of_hours_calls_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "out_of_hours_calls_household_idx" ON "out_of_hours_calls" USING btree ("household_id","called_on");--> statement-breakpoint
CREATE INDEX "out_of_hours_calls_called_on_idx" ON "out_of_hours_calls" USING btree ("called_on");