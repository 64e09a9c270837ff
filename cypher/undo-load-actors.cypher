// Deletes up to $limit actors a failed commit created (seq in the load's reserved range); call until 0. Parameters: $dataset, $from, $to, $limit.
MATCH (a:Actor)
WHERE a.dataset = $dataset AND a.seq > $from AND a.seq <= $to
WITH a
LIMIT $limit
DETACH DELETE a
RETURN count(*) AS deleted
