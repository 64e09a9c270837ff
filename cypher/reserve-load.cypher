// Creates the (:Dataset) node when new and reserves seq ranges for a load's actors and interactions. Parameters: $dataset, $now, $actorCount, $interactionCount.
MERGE (d:Dataset {name: $dataset})
  ON CREATE SET d.createdAt = $now, d.updatedAt = $now, d.actorSeq = 0, d.interactionSeq = 0,
    d.actors = 0, d.interactions = 0, d.types = []
WITH d, d.actorSeq AS actorBase, d.interactionSeq AS interactionBase
SET d.actorSeq = actorBase + $actorCount, d.interactionSeq = interactionBase + $interactionCount
RETURN actorBase, interactionBase
