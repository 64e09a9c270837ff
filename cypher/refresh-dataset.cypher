// Recomputes the counts, timestamp range and types held on a (:Dataset) node after a load. Parameters: $dataset, $now.
MATCH (d:Dataset {name: $dataset})
OPTIONAL MATCH ()-[r:INTERACTED]->()
  WHERE r.dataset = $dataset AND r.seq > 0
WITH d, count(r) AS interactions, min(r.timestamp) AS firstTimestamp, max(r.timestamp) AS lastTimestamp,
  collect(DISTINCT r.type) AS types
OPTIONAL MATCH (a:Actor)
  WHERE a.dataset = $dataset AND a.seq > 0
WITH d, interactions, firstTimestamp, lastTimestamp, types, count(a) AS actors
SET d.actors = actors, d.interactions = interactions, d.firstTimestamp = firstTimestamp,
  d.lastTimestamp = lastTimestamp, d.types = types, d.updatedAt = $now
RETURN d.name AS name
