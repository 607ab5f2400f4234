CREATE TABLE "recruitment_transfers" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"agency_name" text NOT NULL,
	"agency_approved_on" date NOT NULL,
	"told_of_payments_on" date NOT NULL,
	"protocol_meeting_on" date,
	"children_placed" text,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recruitment_transfers" ADD CONSTRAINT "recruitment_transfers_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_transfers" ADD CONSTRAINT "recruitment_transfers_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;