-- loadbench's pgbench-like read: one account's balance by primary key, the accounts drawn from a Zipf law
-- (account 1 the most popular, drawn 2^1.1 = 2.1 times as often as account 2). Needs the example setup
-- (example:pgbench-accounts-setup.sql).
\set aid random_zipfian(1, 100000, 1.1)
SELECT abalance FROM loadbench_pgbench_accounts WHERE aid = :aid;
