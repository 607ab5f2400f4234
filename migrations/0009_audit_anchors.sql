CREATE TABLE "audit_anchors" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_anchors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp (3) with time zone NOT NULL,
	"entry_count" bigint NOT NULL,
	"head_id" bigint NOT NULL,
	"head_hash" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
-- The append-only triggers fire always, also under session_replication_role = replica (which skips
-- triggers left at the default ENABLE ORIGIN).
ALTER TABLE "audit_events" ENABLE ALWAYS TRIGGER "audit_events_no_update_or_delete";
--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE ALWAYS TRIGGER "audit_events_no_truncate";
--> statement-breakpoint
-- Anchors of the audit trail are append-only too.
CREATE FUNCTION audit_anchors_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_anchors is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_anchors
  FOR EACH ROW EXECUTE FUNCTION audit_anchors_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_truncate
  BEFORE TRUNCATE ON audit_anchors
  FOR EACH STATEMENT EXECUTE FUNCTION audit_anchors_append_only();
--> statement-breakpoint
ALTER TABLE "audit_anchors" ENABLE ALWAYS TRIGGER "audit_anchors_no_update_or_delete";
--> statement-breakpoint
ALTER TABLE "audit_anchors" ENABLE ALWAYS TRIGGER "audit_anchors_no_truncate";
