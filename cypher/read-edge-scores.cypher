// The per-tie score rows of a run, in the order they were written. Parameters: $runId.
MATCH (s:Actor)-[t:TIE_SCORE]->(u:Actor)
WHERE t.run = $runId
RETURN s.id AS source, u.id AS target, t.values AS values
ORDER BY t.seq
