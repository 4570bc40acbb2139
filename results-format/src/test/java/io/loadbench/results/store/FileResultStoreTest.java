package io.loadbench.results.store;

import java.nio.file.Path;

/** The results store of a folder, held to the contract every store keeps. */
class FileResultStoreTest extends ResultStoreContractTest {

    @Override
    ResultStore store(Path scratch) {
        return ResultStore.of(scratch.toUri().toString());
    }
}
