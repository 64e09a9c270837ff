// Schema: an actor is unique by (dataset, id), so several data sets share one database. No parameters.
CREATE CONSTRAINT socap_actor_key IF NOT EXISTS
FOR (a:Actor) REQUIRE (a.dataset, a.id) IS UNIQUE
