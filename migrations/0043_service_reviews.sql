CREATE TABLE "service_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"area_id" uuid,
	"period_start" date NOT NULL,
	"heard" text,
	"learnt" text,
	"will_do" text,
	"shared_with" text,
	"shared_on" date,
	"figures" jsonb,
	"completed_on" date,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_reviews_half_year" CHECK (extract(day from "service_reviews"."period_start") = 1 and extract(month from "service_reviews"."period_start") in (4, 10)),
	CONSTRAINT "service_reviews_completed" CHECK (("service_reviews"."completed_at" is null) = ("service_reviews"."completed_on" is null))
);
--> statement-breakpoint
ALTER TABLE "service_reviews" ADD CONSTRAINT "service_reviews_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_reviews" ADD CONSTRAINT "service_reviews_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_reviews" ADD CONSTRAINT "service_reviews_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_reviews_kind_period_idx" ON "service_reviews" USING btree ("kind","period_start","area_id");--> statement-breakpoint
CREATE INDEX "service_reviews_completed_idx" ON "service_reviews" USING btree ("completed_on");