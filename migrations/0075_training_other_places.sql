CREATE TABLE "training_other_places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"organisation" text NOT NULL,
	"kind" text NOT NULL,
	"places" integer NOT NULL,
	"pence_per_place" integer NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_other_places_places" CHECK ("training_other_places"."places" > 0),
	CONSTRAINT "training_other_places_charge" CHECK ("training_other_places"."pence_per_place" >= 0)
);
--> statement-breakpoint
ALTER TABLE "training_other_places" ADD CONSTRAINT "training_other_places_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_other_places" ADD CONSTRAINT "training_other_places_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_other_places_session_idx" ON "training_other_places" USING btree ("session_id");