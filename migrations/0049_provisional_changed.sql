ALTER TABLE "measure_snapshots" ADD COLUMN "changed" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
UPDATE "measure_snapshots" SET "changed" = "out_of_date" WHERE "provisional";
