// The per-actor score rows of a run, in the order they were written. Parameters: $runId.
MATCH (:Run {id: $runId})-[s:SCORED]->(a:Actor)
RETURN a.id AS id, s.label AS label, s.values AS values
ORDER BY s.seq
