// The score rows of a run of one kind ('node' or 'edge'), chunk by chunk in saved order. Parameters: $runId, $kind.
MATCH (:Run {id: $runId})-[:HAS_CHUNK]->(c:ScoreChunk)
WHERE c.kind = $kind
RETURN c.rows AS rows
ORDER BY c.chunk
