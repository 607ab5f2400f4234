CREATE TABLE "annual_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"reason_detail" text,
	"first_review" boolean NOT NULL,
	"due_on" date,
	"started_on" date NOT NULL,
	"reviewing_officer_id" uuid NOT NULL,
	"status" text DEFAULT 'gathering' NOT NULL,
	"reviewed_on" date,
	"outcome" text,
	"outcome_detail" text,
	"summary" text,
	"children_summary" text,
	"pdp_updated" boolean,
	"to_panel" boolean DEFAULT false NOT NULL,
	"presented_to_panel_on" date,
	"report_sent_on" date,
	"comments_due_on" date,
	"carer_comment" text,
	"carer_commented_on" date,
	"completed_by" uuid,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_checks" (
	"review_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"checked_on" date NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_checks_review_id_kind_pk" PRIMARY KEY("review_id","kind")
);
--> statement-breakpoint
CREATE TABLE "review_children" (
	"review_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"age_group" text NOT NULL,
	CONSTRAINT "review_children_review_id_child_id_pk" PRIMARY KEY("review_id","child_id")
);
--> statement-breakpoint
CREATE TABLE "review_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"child_id" uuid,
	"member_id" uuid,
	"received_on" date NOT NULL,
	"source" text NOT NULL,
	"given_by" text NOT NULL,
	"answers" jsonb NOT NULL,
	"link_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_contributions_link_id_unique" UNIQUE("link_id"),
	CONSTRAINT "review_contributions_one_idx" UNIQUE NULLS NOT DISTINCT("review_id","kind","child_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "review_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"child_id" uuid NOT NULL,
	"age_group" text,
	"token_hash" text NOT NULL,
	"delivery" text NOT NULL,
	"email" text,
	"recipient" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_on" date NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"manager_told_at" timestamp with time zone,
	CONSTRAINT "review_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "review_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"link_id" uuid,
	"purpose" text NOT NULL,
	"recipients" text[] NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"attachment_name" text,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_reviewing_officer_id_users_id_fk" FOREIGN KEY ("reviewing_officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_checks" ADD CONSTRAINT "review_checks_review_id_annual_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."annual_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_checks" ADD CONSTRAINT "review_checks_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_children" ADD CONSTRAINT "review_children_review_id_annual_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."annual_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_children" ADD CONSTRAINT "review_children_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_contributions" ADD CONSTRAINT "review_contributions_review_id_annual_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."annual_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_contributions" ADD CONSTRAINT "review_contributions_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_contributions" ADD CONSTRAINT "review_contributions_member_id_household_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."household_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_contributions" ADD CONSTRAINT "review_contributions_link_id_review_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."review_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_contributions" ADD CONSTRAINT "review_contributions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_links" ADD CONSTRAINT "review_links_review_id_annual_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."annual_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_links" ADD CONSTRAINT "review_links_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_links" ADD CONSTRAINT "review_links_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_messages" ADD CONSTRAINT "review_messages_review_id_annual_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."annual_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_messages" ADD CONSTRAINT "review_messages_link_id_review_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."review_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_messages" ADD CONSTRAINT "review_messages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annual_reviews_household_idx" ON "annual_reviews" USING btree ("household_id","started_on");--> statement-breakpoint
CREATE INDEX "annual_reviews_reviewed_idx" ON "annual_reviews" USING btree ("reviewed_on","household_id") WHERE "annual_reviews"."status" = 'completed';--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reviews_one_open_idx" ON "annual_reviews" USING btree ("household_id") WHERE "annual_reviews"."status" = 'gathering';--> statement-breakpoint
CREATE INDEX "review_children_child_idx" ON "review_children" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "review_links_review_idx" ON "review_links" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "review_links_open_idx" ON "review_links" USING btree ("requested_at") WHERE "review_links"."used_at" is null and "review_links"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "review_messages_review_idx" ON "review_messages" USING btree ("review_id","created_at");--> statement-breakpoint
CREATE INDEX "review_messages_due_idx" ON "review_messages" USING btree ("status","next_attempt_at");