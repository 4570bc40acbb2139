-- loadbench's pgbench-like write: change an account's balance inside a transaction and read it back,
-- the accounts uniform. Needs the example setup (example:pgbench-accounts-setup.sql).
\set aid random(1, 100000)
\set delta random(-5000, 5000)
BEGIN;
UPDATE loadbench_pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
SELECT abalance FROM loadbench_pgbench_accounts WHERE aid = :aid;
END;
