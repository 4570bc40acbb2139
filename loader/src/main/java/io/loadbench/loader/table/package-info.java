/**
 * Building blocks of a dataset's tables, shared by every dataset: {@link io.loadbench.loader.table.TableBuilder}
 * assembles a {@link io.loadbench.loader.table.DatasetTable} (columns, keys, after-load DDL, drop clause and a
 * per-worker random stream reset for every row), {@link io.loadbench.loader.table.SqlCheck} measures a loaded
 * table with SQL probes, and {@link io.loadbench.loader.table.Apportionment} splits a total into exact
 * proportional blocks so that row <i>i</i> is located by a prefix sum.
 */
package io.loadbench.loader.table;
