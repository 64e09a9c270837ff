// Deletes up to $limit relationships touching the actors of a data set (interactions, tie and node scores); call until 0. Parameters: $dataset, $limit.
MATCH (a:Actor)-[r]-()
WHERE a.dataset = $dataset AND a.seq > 0
WITH DISTINCT r
LIMIT $limit
DELETE r
RETURN count(*) AS deleted
