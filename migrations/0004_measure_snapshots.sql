CREATE TABLE "measure_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" text NOT NULL,
	"month" text NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_id" text NOT NULL,
	"numerator" integer NOT NULL,
	"denominator" integer,
	"value" double precision,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "measure_snapshots_unique_idx" ON "measure_snapshots" USING btree ("measure_id","month","scope_kind","scope_id");