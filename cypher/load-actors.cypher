// Upserts a batch of actors (label and kind kept when absent, attributes merged) and counts new and changed ones. Parameters: $dataset, $rows (list of {id, seq, label, kind, attrs, attrKeys}).
UNWIND $rows AS row
MERGE (a:Actor {dataset: $dataset, id: row.id})
  ON CREATE SET a.seq = row.seq, a.attrKeys = []
WITH a, row, a.seq = row.seq AS created
WITH a, row, created,
  (row.label IS NOT NULL AND coalesce(a.label <> row.label, true))
  OR (row.kind IS NOT NULL AND coalesce(a.kind <> row.kind, true))
  OR any(k IN keys(row.attrs) WHERE coalesce(a[k] <> row.attrs[k], true)) AS changed
SET a.label = coalesce(row.label, a.label),
  a.kind = coalesce(row.kind, a.kind),
  a += row.attrs,
  a.attrKeys = coalesce(a.attrKeys, []) + [k IN row.attrKeys WHERE NOT k IN coalesce(a.attrKeys, [])]
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS added,
  sum(CASE WHEN changed AND NOT created THEN 1 ELSE 0 END) AS updated
