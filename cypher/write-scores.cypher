// Writes a batch of actor scores: socap_<metric> properties on the actors plus a (:Run)-[:SCORED]->(:Actor) row each. Parameters: $runId, $dataset, $rows (list of {id, seq, label, values, props}).
MATCH (run:Run {id: $runId})
UNWIND $rows AS row
MATCH (a:Actor {dataset: $dataset, id: row.id})
SET a += row.props, a.socap_run = $runId
CREATE (run)-[:SCORED {seq: row.seq, label: row.label, values: row.values}]->(a)
RETURN count(*) AS written
