// Schema: index for reading the interactions of a data set in load order (keyset paging on seq). No parameters.
CREATE INDEX socap_interaction_seq IF NOT EXISTS
FOR ()-[r:INTERACTED]-() ON (r.dataset, r.seq)
