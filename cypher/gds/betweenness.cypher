// Streams GDS betweenness centrality (raw, undirected pairs counted once; sampled when $config.samplingSize is set) per actor id. Parameters: $graphName, $config.
CALL gds.betweenness.stream($graphName, $config)
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
