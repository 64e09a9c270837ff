// Schema: index for reading the actors of a data set in load order (keyset paging on seq). No parameters.
CREATE INDEX socap_actor_seq IF NOT EXISTS
FOR (a:Actor) ON (a.dataset, a.seq)
