CREATE TABLE "missing_episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"missing_on" date NOT NULL,
	"reported_to_police" boolean NOT NULL,
	"circumstances" text,
	"recorded_by" uuid,
	"returned_on" date,
	"return_note" text,
	"return_recorded_by" uuid,
	"interview_offered_on" date,
	"interview_held_on" date,
	"interview_declined" boolean DEFAULT false NOT NULL,
	"interview_recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_return_recorded_by_users_id_fk" FOREIGN KEY ("return_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_interview_recorded_by_users_id_fk" FOREIGN KEY ("interview_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "missing_episodes_one_open_idx" ON "missing_episodes" USING btree ("child_id") WHERE returned_on is null;--> statement-breakpoint
CREATE INDEX "missing_episodes_child_idx" ON "missing_episodes" USING btree ("child_id","missing_on");--> statement-breakpoint
CREATE INDEX "missing_episodes_missing_on_idx" ON "missing_episodes" USING btree ("missing_on");--> statement-breakpoint
CREATE INDEX "missing_episodes_returned_on_idx" ON "missing_episodes" USING btree ("returned_on");--> statement-breakpoint
CREATE INDEX "missing_episodes_household_idx" ON "missing_episodes" USING btree ("household_id");