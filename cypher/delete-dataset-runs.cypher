// Deletes up to $limit (:Run) nodes of a data set with their score chunks; call until 0. Parameters: $dataset, $limit.
MATCH (r:Run)
WHERE r.dataset = $dataset
WITH r
LIMIT $limit
OPTIONAL MATCH (r)-[:HAS_CHUNK]->(c:ScoreChunk)
WITH r, collect(c) AS chunks
FOREACH (c IN chunks | DETACH DELETE c)
DETACH DELETE r
RETURN count(r) AS deleted
