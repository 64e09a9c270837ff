// Creates the (:Run) node of a run (record and parameters as JSON) with savedSeq one above every run saved before. Parameters: $id, $props.
OPTIONAL MATCH (previous:Run)
WITH coalesce(max(previous.savedSeq), 0) + 1 AS savedSeq
MERGE (r:Run {id: $id})
SET r = $props, r.savedSeq = savedSeq
RETURN r.id AS id
