// Adds a batch of interactions as (:Actor)-[:INTERACTED]->(:Actor), skipping keys already stored; type is a property. Parameters: $dataset, $rows (list of {key, id, source, target, type, timestamp, weight, undirected, seq}).
UNWIND $rows AS row
OPTIONAL MATCH ()-[old:INTERACTED {dataset: $dataset, key: row.key}]->()
WITH row, old
WHERE old IS NULL
MATCH (s:Actor {dataset: $dataset, id: row.source})
MATCH (t:Actor {dataset: $dataset, id: row.target})
CREATE (s)-[r:INTERACTED {dataset: $dataset, key: row.key, seq: row.seq, weight: row.weight, undirected: row.undirected}]->(t)
SET r.id = row.id, r.type = row.type, r.timestamp = row.timestamp
RETURN count(r) AS added
