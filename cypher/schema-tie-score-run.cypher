// Schema: index for reading and replacing the tie scores of one run. No parameters.
CREATE INDEX socap_tie_score_run IF NOT EXISTS
FOR ()-[t:TIE_SCORE]-() ON (t.run)
