// Projects the undirected tie graph of a data set into the GDS catalog: one relationship a pair with strength = summed interaction weight and distance = 1 / strength, isolates kept. Parameters: $graphName, $dataset.
MATCH (x:Actor)
WHERE x.dataset = $dataset AND x.seq > 0
OPTIONAL MATCH (x)-[r:INTERACTED]-(y:Actor)
WHERE x.id < y.id
WITH x, y, sum(r.weight) AS strength
WITH x, CASE WHEN strength > 0 THEN y END AS y, strength
WITH gds.graph.project($graphName, x, y,
  {relationshipProperties: CASE WHEN y IS NULL THEN null ELSE {strength: strength, distance: 1.0 / strength} END},
  {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.graphName AS graphName, g.nodeCount AS nodeCount, g.relationshipCount AS relationshipCount
