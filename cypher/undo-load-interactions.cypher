// Deletes up to $limit interactions a failed commit created (seq in the load's reserved range); call until 0. Parameters: $dataset, $from, $to, $limit.
MATCH ()-[r:INTERACTED]->()
WHERE r.dataset = $dataset AND r.seq > $from AND r.seq <= $to
WITH r
LIMIT $limit
DELETE r
RETURN count(*) AS deleted
