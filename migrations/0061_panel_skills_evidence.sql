CREATE TABLE "panel_skills_evidence" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"competencies" boolean NOT NULL,
	"training" boolean NOT NULL,
	"supervision" boolean NOT NULL,
	"annual_review" boolean NOT NULL,
	"childrens_views" boolean NOT NULL,
	"carers_portfolio" boolean NOT NULL,
	"notes" text,
	"checked_by" uuid,
	"checked_on" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "panel_skills_evidence" ADD CONSTRAINT "panel_skills_evidence_item_id_panel_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."panel_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_skills_evidence" ADD CONSTRAINT "panel_skills_evidence_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;