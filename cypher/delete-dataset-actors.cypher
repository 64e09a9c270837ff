// Deletes up to $limit actors of a data set (their relationships already gone); call until 0. Parameters: $dataset, $limit.
MATCH (a:Actor)
WHERE a.dataset = $dataset AND a.seq > 0
WITH a
LIMIT $limit
DETACH DELETE a
RETURN count(*) AS deleted
