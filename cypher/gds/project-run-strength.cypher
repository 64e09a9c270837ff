// Projects the undirected tie graph of a data set with the tie strengths a stored run computed (its TIE_SCORE strength), distance = 1 / strength, isolates kept. Parameters: $graphName, $dataset, $runId.
MATCH (x:Actor)
WHERE x.dataset = $dataset AND x.seq > 0
OPTIONAL MATCH (x)-[t:TIE_SCORE]-(y:Actor)
WHERE t.run = $runId AND x.id < y.id
WITH x, y, sum(t.strength) AS strength
WITH x, CASE WHEN strength > 0 THEN y END AS y, strength
WITH gds.graph.project($graphName, x, y,
  {relationshipProperties: CASE WHEN y IS NULL THEN null ELSE {strength: strength, distance: 1.0 / strength} END},
  {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.graphName AS graphName, g.nodeCount AS nodeCount, g.relationshipCount AS relationshipCount
