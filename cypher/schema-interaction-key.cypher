// Schema: an interaction is unique by (dataset, key), the idempotency key of loads (Neo4j 5.7+). No parameters.
CREATE CONSTRAINT socap_interaction_key IF NOT EXISTS
FOR ()-[r:INTERACTED]-() REQUIRE (r.dataset, r.key) IS UNIQUE
