// Creates or replaces the (:Run) node of a run (all its properties, record and parameters as JSON). Parameters: $id, $props.
MERGE (r:Run {id: $id})
SET r = $props
RETURN r.id AS id
