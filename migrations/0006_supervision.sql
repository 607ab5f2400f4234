CREATE TABLE "supervision_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supervision_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"action" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"signed_on" date NOT NULL,
	"signed_by_carers" text NOT NULL,
	"signed_by_ssw_id" uuid,
	"review_on" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_children" (
	"supervision_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"seen" text NOT NULL,
	CONSTRAINT "supervision_children_supervision_id_child_id_pk" PRIMARY KEY("supervision_id","child_id")
);
--> statement-breakpoint
CREATE TABLE "supervisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"visit_date" date NOT NULL,
	"announced" boolean NOT NULL,
	"attendees" text NOT NULL,
	"working_well" text NOT NULL,
	"worries" text NOT NULL,
	"needs_to_happen" text NOT NULL,
	"scaling_question" text NOT NULL,
	"scaling_score" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"author_id" uuid NOT NULL,
	"finalised_at" timestamp with time zone,
	"finalised_by" uuid,
	"notes_sent_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supervision_actions" ADD CONSTRAINT "supervision_actions_supervision_id_supervisions_id_fk" FOREIGN KEY ("supervision_id") REFERENCES "public"."supervisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_agreements" ADD CONSTRAINT "supervision_agreements_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_agreements" ADD CONSTRAINT "supervision_agreements_signed_by_ssw_id_users_id_fk" FOREIGN KEY ("signed_by_ssw_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_agreements" ADD CONSTRAINT "supervision_agreements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_children" ADD CONSTRAINT "supervision_children_supervision_id_supervisions_id_fk" FOREIGN KEY ("supervision_id") REFERENCES "public"."supervisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_children" ADD CONSTRAINT "supervision_children_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_finalised_by_users_id_fk" FOREIGN KEY ("finalised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervision_actions_supervision_idx" ON "supervision_actions" USING btree ("supervision_id","position");--> statement-breakpoint
CREATE INDEX "supervision_agreements_household_idx" ON "supervision_agreements" USING btree ("household_id","signed_on");--> statement-breakpoint
CREATE INDEX "supervision_children_child_idx" ON "supervision_children" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "supervisions_household_idx" ON "supervisions" USING btree ("household_id","visit_date");--> statement-breakpoint
CREATE INDEX "supervisions_visit_idx" ON "supervisions" USING btree ("visit_date");