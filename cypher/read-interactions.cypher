// One page of the interactions of a data set in load order, those with seq above $after. Parameters: $dataset, $after, $limit.
MATCH (s:Actor)-[r:INTERACTED]->(t:Actor)
WHERE r.dataset = $dataset AND r.seq > $after
RETURN r.seq AS seq, r.id AS id, s.id AS source, t.id AS target, r.type AS type, r.timestamp AS timestamp,
  r.weight AS weight, r.undirected AS undirected
ORDER BY r.seq
LIMIT $limit
