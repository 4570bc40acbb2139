package io.loadbench.loader.datasets.analytics;

import io.loadbench.loader.spi.Check;
import io.loadbench.loader.spi.DatasetContext;
import io.loadbench.loader.spi.MutableData;

/**
 * The analytics Redis content as workloads change it: the counters live events INCR, and the dashboard and
 * filtered-query cache entries a cache-aside workload writes on a miss (and that expire). Its check is
 * {@link AnalyticsRedisCheck} (the state right after a fill); its restore is the fill again, which first deletes
 * the cache entries of the layout when the prefix carries this layout's marker.
 */
final class AnalyticsRedisState implements MutableData {

    private final AnalyticsRedisFill fill;
    private final AnalyticsRedisCheck check;

    AnalyticsRedisState(AnalyticsRedisFill fill, AnalyticsRedisCheck check) {
        this.fill = fill;
        this.check = check;
    }

    @Override
    public String name() {
        return "redis:analytics counters and cache entries";
    }

    @Override
    public Check check() {
        return check;
    }

    @Override
    public Restored restore(DatasetContext context) {
        AnalyticsRedisFill.Restore done = fill.restore(context);
        return new Restored(done.entriesDeleted(), done.keysWritten(), "keys");
    }
}
