package io.loadbench.loader.sink.redis;

import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.testing.TestDatastores;
import org.junit.jupiter.api.Test;

/** The pipeline against the server in LOADBENCH_REDIS_URL (skipped when unset); keys are unique and removed. */
class ExternalRedisPipelineTest {

    @Test
    void everyCommandIsSentAndAnsweredWhateverTheWindow() {
        try (Datastores external = TestDatastores.externalRedis()) {
            SingleWriterRedisPipelineTest.everyCommandIsSentAndAnsweredWhateverTheWindow(external);
        }
    }

    @Test
    void anErrorReplyFailsTheLoadNamingTheServerAndTheItem() {
        try (Datastores external = TestDatastores.externalRedis()) {
            SingleWriterRedisPipelineTest.anErrorReplyFailsTheLoadNamingTheServerAndTheItem(external);
        }
    }
}
