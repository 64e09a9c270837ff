// Streams GDS Louvain communities (final level) per actor id. Parameters: $graphName, $config.
CALL gds.louvain.stream($graphName, $config)
YIELD nodeId, communityId
RETURN gds.util.asNode(nodeId).id AS id, communityId
