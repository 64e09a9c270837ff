// One page of the actors of a data set in load order, those with seq above $after. Parameters: $dataset, $after, $limit.
MATCH (a:Actor)
WHERE a.dataset = $dataset AND a.seq > $after
RETURN a.seq AS seq, a.id AS id, a.label AS label, a.kind AS kind,
  [k IN coalesce(a.attrKeys, []) | [k, a['attr_' + k]]] AS attributes
ORDER BY a.seq
LIMIT $limit
