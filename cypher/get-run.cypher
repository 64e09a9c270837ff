// One run by id, only when it belongs to $dataset if that is not null. Parameters: $id, $dataset.
MATCH (r:Run {id: $id})
WHERE $dataset IS NULL OR r.dataset = $dataset
RETURN r.record AS record
