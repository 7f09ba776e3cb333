-- Session settings of the PostgreSQL peer (the server's own configuration is left as it is: other
-- databases share it). Each "cold" run opens a new connection and runs DISCARD ALL first; the
-- OS page cache and PostgreSQL's shared buffers stay warm (a server restart is not done).
SET work_mem = '256MB';
SET max_parallel_workers_per_gather = 2;
