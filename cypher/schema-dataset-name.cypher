// Schema: one (:Dataset) node per data set name. No parameters.
CREATE CONSTRAINT socap_dataset_name IF NOT EXISTS
FOR (d:Dataset) REQUIRE d.name IS UNIQUE
