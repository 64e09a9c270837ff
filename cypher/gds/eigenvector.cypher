// Streams GDS eigenvector centrality per actor id. Parameters: $graphName, $config.
CALL gds.eigenvector.stream($graphName, $config)
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
