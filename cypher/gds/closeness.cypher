// Streams GDS closeness centrality (hop distances; Wasserman-Faust when $config.useWassermanFaust) per actor id. Parameters: $graphName, $config.
CALL gds.closeness.stream($graphName, $config)
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
