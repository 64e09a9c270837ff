// Writes a batch of tie scores between actors that exist as (:Actor)-[:TIE_SCORE {run, values, strength}]->(:Actor), strength as a number for GDS; other rows live only in the run's chunks. Parameters: $runId, $dataset, $rows (list of {source, target, seq, values, strength}).
UNWIND $rows AS row
MATCH (s:Actor {dataset: $dataset, id: row.source})
MATCH (t:Actor {dataset: $dataset, id: row.target})
CREATE (s)-[:TIE_SCORE {run: $runId, seq: row.seq, values: row.values, strength: row.strength}]->(t)
RETURN count(*) AS written
