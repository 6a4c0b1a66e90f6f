-- The task lists' index (sqlite): a task list counts and pages the versions of one status waiting
-- for one step (`job_descriptions.next_steps`, see 0005), so the index holds every column those
-- two queries read and they never read a version's row. In SQLite `next_steps` comes after the
-- document (`body`) in the row, so without it every candidate row's document was read from its
-- overflow pages: the start page took over half a second at 50,000 positions.
-- Keep in step with ../postgres/0007_task_index.sql.
CREATE INDEX job_descriptions_tasks ON job_descriptions
    (status, next_steps, created_at, id, position_id, version, effective_from, created_by);
