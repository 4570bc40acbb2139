package io.loadbench.loader.sink.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens plain pgjdbc connections to the target (one per worker); the caller closes them. */
@FunctionalInterface
public interface PostgresConnections {

    Connection open() throws SQLException;
}
