// Schema: a scoring run is unique by id. No parameters.
CREATE CONSTRAINT socap_run_id IF NOT EXISTS
FOR (r:Run) REQUIRE r.id IS UNIQUE
