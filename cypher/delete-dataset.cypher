// Deletes the (:Dataset) node of a data set and says whether it existed. Parameters: $dataset.
OPTIONAL MATCH (d:Dataset {name: $dataset})
DELETE d
RETURN count(d) AS deleted
