/**
 * The external target: PostgreSQL and Redis servers of the user's own, named by URL. loadbench only connects to
 * them; it never starts, configures or stops them, and it writes only under its own table names and key prefixes.
 */
package io.loadbench.datastores.external;
