// Schema: waits until every index is online, so the first load uses them. Parameters: $timeoutSeconds.
CALL db.awaitIndexes($timeoutSeconds)
