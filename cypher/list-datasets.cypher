// Lists every data set with its counts, timestamp range and types, by name. No parameters.
MATCH (d:Dataset)
RETURN d.name AS name, d.actors AS actors, d.interactions AS interactions, d.createdAt AS createdAt,
  d.updatedAt AS updatedAt, d.firstTimestamp AS firstTimestamp, d.lastTimestamp AS lastTimestamp, d.types AS types
ORDER BY name
