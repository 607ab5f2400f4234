-- The words of a record behind a figure (its name, link and detail), built only for the page of
-- records shown: marked costly, so PostgreSQL builds them after sorting and limiting the records,
-- not for every record counted (see measureRecordsPage). Returns its argument unchanged.
CREATE FUNCTION "words_after_paging"("words" text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 10000
  AS $$ BEGIN RETURN "words"; END $$;
