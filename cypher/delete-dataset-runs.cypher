// Deletes up to $limit (:Run) nodes of a data set; call until 0. Parameters: $dataset, $limit.
MATCH (r:Run)
WHERE r.dataset = $dataset
WITH r
LIMIT $limit
DETACH DELETE r
RETURN count(*) AS deleted
