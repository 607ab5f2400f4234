-- Fuzzy name search (pg_trgm) over carers, household members and children.
CREATE INDEX IF NOT EXISTS carers_name_trgm_idx ON carers USING gin ((lower(first_name || ' ' || last_name)) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS household_members_name_trgm_idx ON household_members USING gin ((lower(first_name || ' ' || last_name)) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS children_name_trgm_idx ON children USING gin ((lower(first_name || ' ' || last_name || ' ' || coalesce(preferred_name, ''))) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS households_name_trgm_idx ON households USING gin ((lower(name)) gin_trgm_ops);
