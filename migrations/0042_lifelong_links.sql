CREATE TABLE "lifelong_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"identified_on" date NOT NULL,
	"identified_by" uuid,
	"coordinator" text,
	"agreed_on" date,
	"not_asked_reason" text,
	"agreement_recorded_by" uuid,
	"people_found" integer DEFAULT 0 NOT NULL,
	"people_contacted" integer DEFAULT 0 NOT NULL,
	"people_recorded_by" uuid,
	"people_recorded_at" timestamp with time zone,
	"meeting_on" date,
	"meeting_recorded_by" uuid,
	"plan_agreed_on" date,
	"plan_note" text,
	"plan_recorded_by" uuid,
	"ended_on" date,
	"end_reason" text,
	"end_note" text,
	"ended_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lifelong_links" ADD CONSTRAINT "lifelong_links_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifelong_links" ADD CONSTRAINT "lifelong_links_identified_by_users_id_fk" FOREIGN KEY ("identified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifelong_links" ADD CONSTRAINT "lifelong_links_agreement_recorded_by_users_id_fk" FOREIGN KEY ("agreement_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifelong_links" ADD CONSTRAINT "lifelong_links_people_recorded_by_users_id_fk" FOREIGN KEY ("people_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifelong_links" ADD CONSTRAINT "lifelong_links_meeting_recorded_by_users_id_fk" FOREIGN KEY ("meeting_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifelong_links" ADD CONSTRAINT "lifelong_links_plan_recorded_by_users_id_fk" FOREIGN KEY ("plan_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifelong_links" ADD CONSTRAINT "lifelong_links_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lifelong_links_one_open_idx" ON "lifelong_links" USING btree ("child_id") WHERE ended_on is null;--> statement-breakpoint
CREATE INDEX "lifelong_links_child_idx" ON "lifelong_links" USING btree ("child_id","identified_on");--> statement-breakpoint
CREATE INDEX "lifelong_links_identified_idx" ON "lifelong_links" USING btree ("identified_on");--> statement-breakpoint
CREATE INDEX "lifelong_links_ended_idx" ON "lifelong_links" USING btree ("ended_on");