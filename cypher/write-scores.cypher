// Writes a batch of actor scores onto the actors that exist: socap_<metric> properties plus a (:Run)-[:SCORED {values}]->(:Actor) each; rows of other ids live only in the run's chunks. Parameters: $runId, $dataset, $rows (list of {id, seq, label, values, props}).
MATCH (run:Run {id: $runId})
UNWIND $rows AS row
MATCH (a:Actor {dataset: $dataset, id: row.id})
SET a += row.props, a.socap_run = $runId
CREATE (run)-[:SCORED {seq: row.seq, label: row.label, values: row.values}]->(a)
RETURN count(*) AS written
