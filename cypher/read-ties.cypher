// One page of ties in the order of each pair's first interaction: the next $limit interactions by seq (above $after), each with its pair's count and summed weight when it is the pair's first (else, and for self-loops, interactions = 0). Parameters: $dataset, $after, $limit.
MATCH (s:Actor)-[r:INTERACTED]->(t:Actor)
WHERE r.dataset = $dataset AND r.seq > $after
WITH s, t, r
ORDER BY r.seq
LIMIT $limit
OPTIONAL MATCH (s)-[p:INTERACTED]-(t)
WHERE s <> t AND NOT EXISTS { MATCH (s)-[q:INTERACTED]-(t) WHERE q.seq < r.seq }
RETURN r.seq AS seq, s.id AS a, t.id AS b, count(p) AS interactions, sum(p.weight) AS weight
ORDER BY seq
