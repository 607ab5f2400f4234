CREATE TABLE "child_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"placement_id" uuid,
	"agency_placement_id" uuid,
	"visited_on" date NOT NULL,
	"visited_by" uuid NOT NULL,
	"child_seen" boolean NOT NULL,
	"seen_alone" boolean,
	"not_alone_reason" text,
	"place" text NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "child_visits_one_placement" CHECK (num_nonnulls("child_visits"."placement_id", "child_visits"."agency_placement_id") = 1),
	CONSTRAINT "child_visits_seen" CHECK (("child_visits"."child_seen" and "child_visits"."seen_alone" is not null) or (not "child_visits"."child_seen" and "child_visits"."seen_alone" is null)),
	CONSTRAINT "child_visits_not_alone_reason" CHECK (("child_visits"."seen_alone" = false and "child_visits"."not_alone_reason" in ('refused', 'not_practicable', 'too_young'))
        or ("child_visits"."seen_alone" is distinct from false and "child_visits"."not_alone_reason" is null)),
	CONSTRAINT "child_visits_place" CHECK ("child_visits"."place" in ('placement', 'school', 'elsewhere'))
);
--> statement-breakpoint
ALTER TABLE "child_visits" ADD CONSTRAINT "child_visits_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_visits" ADD CONSTRAINT "child_visits_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_visits" ADD CONSTRAINT "child_visits_agency_placement_id_agency_placements_id_fk" FOREIGN KEY ("agency_placement_id") REFERENCES "public"."agency_placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_visits" ADD CONSTRAINT "child_visits_visited_by_users_id_fk" FOREIGN KEY ("visited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_visits" ADD CONSTRAINT "child_visits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_visits_child_idx" ON "child_visits" USING btree ("child_id","visited_on");