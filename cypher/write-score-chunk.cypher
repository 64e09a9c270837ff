// Stores one chunk of a run's score rows (each row JSON text, in saved order) as a (:ScoreChunk) of the run. Parameters: $runId, $kind, $chunk, $rows.
MATCH (run:Run {id: $runId})
CREATE (run)-[:HAS_CHUNK]->(:ScoreChunk {run: $runId, kind: $kind, chunk: $chunk, rows: $rows})
RETURN count(*) AS written
