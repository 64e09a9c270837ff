// Writes a batch of tie scores of a run as (:Actor)-[:TIE_SCORE {run}]->(:Actor), values as JSON, strength as a number for GDS. Parameters: $runId, $dataset, $rows (list of {source, target, seq, values, strength}).
UNWIND $rows AS row
MATCH (s:Actor {dataset: $dataset, id: row.source})
MATCH (t:Actor {dataset: $dataset, id: row.target})
CREATE (s)-[:TIE_SCORE {run: $runId, seq: row.seq, values: row.values, strength: row.strength}]->(t)
RETURN count(*) AS written
