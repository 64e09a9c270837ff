// The newest run (createdAt, then the latest saved), of one data set when $dataset is not null. Parameters: $dataset.
MATCH (r:Run)
WHERE $dataset IS NULL OR r.dataset = $dataset
RETURN r.record AS record
ORDER BY r.createdAt DESC, r.savedSeq DESC
LIMIT 1
