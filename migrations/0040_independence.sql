CREATE TABLE "independence_checklist_areas" (
	"checklist_id" uuid NOT NULL,
	"area" text NOT NULL,
	"done_on" date NOT NULL,
	"confirmed_by" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "independence_checklist_areas_checklist_id_area_pk" PRIMARY KEY("checklist_id","area")
);
--> statement-breakpoint
CREATE TABLE "independence_checklists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"completed_on" date,
	"completed_how" text,
	"completion_note" text,
	"started_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "independence_checklists_child_id_unique" UNIQUE("child_id")
);
--> statement-breakpoint
ALTER TABLE "independence_checklist_areas" ADD CONSTRAINT "independence_checklist_areas_checklist_id_independence_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."independence_checklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "independence_checklist_areas" ADD CONSTRAINT "independence_checklist_areas_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "independence_checklists" ADD CONSTRAINT "independence_checklists_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "independence_checklists" ADD CONSTRAINT "independence_checklists_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;