// One data set with its counts, timestamp range and types. Parameters: $dataset.
MATCH (d:Dataset {name: $dataset})
RETURN d.name AS name, d.actors AS actors, d.interactions AS interactions, d.createdAt AS createdAt,
  d.updatedAt AS updatedAt, d.firstTimestamp AS firstTimestamp, d.lastTimestamp AS lastTimestamp, d.types AS types
