-- The setup of loadbench's pgbench-like examples: one table of loadbench's own (never a table of yours),
-- like pgbench's pgbench_accounts at scale 1. Run once before the load (-Dsetup=example:pgbench-accounts-setup.sql)
-- and safe to run again: it creates the table when it is missing and adds only the rows that are.
-- Drop it when you are done: DROP TABLE loadbench_pgbench_accounts;
CREATE TABLE IF NOT EXISTS loadbench_pgbench_accounts (
    aid      integer PRIMARY KEY,
    bid      integer NOT NULL,
    abalance integer NOT NULL,
    filler   character(84)
);
INSERT INTO loadbench_pgbench_accounts (aid, bid, abalance, filler)
SELECT g, 1, 0, '' FROM generate_series(1, 100000) AS g
ON CONFLICT (aid) DO NOTHING;
ANALYZE loadbench_pgbench_accounts;
