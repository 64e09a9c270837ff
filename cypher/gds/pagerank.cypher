// Streams GDS PageRank (unnormalised: scores sum to about the node count) per actor id. Parameters: $graphName, $config.
CALL gds.pageRank.stream($graphName, $config)
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
