-- What each job description version waits for next (PostgreSQL): its lifecycle steps as
-- `ametijuhend_domain::workflow::next_steps::encode` writes them (" sign_off_as_hr approve "),
-- written with the version, so that a task list is a query. NULL until computed: versions
-- stored before this migration are filled in when the store is opened.
-- Keep in step with ../sqlite/0005_next_steps.sql.
ALTER TABLE job_descriptions ADD COLUMN next_steps TEXT;
CREATE INDEX job_descriptions_status ON job_descriptions (status);
