// Schema: index for listing the runs of one data set. No parameters.
CREATE INDEX socap_run_dataset IF NOT EXISTS
FOR (r:Run) ON (r.dataset)
