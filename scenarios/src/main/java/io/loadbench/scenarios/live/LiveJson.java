package io.loadbench.scenarios.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadbench.results.Json;
import io.loadbench.scenarios.protocol.RequestCounters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The body of {@code /live.json}, which the live page polls every second (version {@value #SCHEMA_VERSION}):
 *
 * <pre>
 * {"schemaVersion": 1, "state": "preparing" | "running" | "finished",
 *  "plan": {"simulation", "preset", "runFolder", "options": {...}, "plan": {...}},
 *  "load": {"plannedSec", "openModel", "targetUsers"} or null before the load is set up,
 *  "lastSeq": the newest sample's seq (0 before any),
 *  "samples": [the samples after the request's ?after=seq, oldest first: seq, elapsedSec, intervalSec, warmup,
 *              targetArrivalsPerSec (null without an open model), arrivalsPerSec, targetUsers, activeUsers,
 *              requestsPerSec, failures, failuresPerSec, drops, dropsPerSec, intendedP50Ms, intendedP99Ms,
 *              serviceP50Ms, serviceP99Ms, lagP99Ms (null when nothing completed), inFlight],
 *  "requests": {name: {"ok", "ko", "crashed"}},
 *  "verdict": {"status": "OK" | "NOISY" | "FAILED", "failures": [...]} or null before it}
 * </pre>
 */
final class LiveJson {

    static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = Json.mapper();

    private LiveJson() {
    }

    static byte[] render(LivePlan plan, String state, Optional<LiveSource> source, List<LiveSample> samples, long lastSeq,
                         Optional<LiveVerdict> verdict) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("state", state);
        ObjectNode planNode = root.putObject("plan");
        planNode.put("simulation", plan.simulation());
        planNode.put("preset", plan.preset());
        planNode.put("runFolder", plan.runFolder());
        planNode.set("options", MAPPER.valueToTree(plan.options()));
        planNode.set("plan", MAPPER.valueToTree(plan.plan()));
        if (source.isPresent()) {
            ObjectNode load = root.putObject("load");
            load.put("plannedSec", source.get().plannedLoad().toMillis() / 1000.0);
            load.put("openModel", source.get().openModel());
            load.put("targetUsers", source.get().targetUsers());
        } else {
            root.putNull("load");
        }
        root.put("lastSeq", lastSeq);
        ArrayNode list = root.putArray("samples");
        samples.forEach(sample -> list.add(sample(sample)));
        ObjectNode requests = root.putObject("requests");
        source.ifPresent(s -> s.requestCounts().forEach((name, counts) -> requests.set(name, counts(counts))));
        if (verdict.isPresent()) {
            ObjectNode verdictNode = root.putObject("verdict");
            verdictNode.put("status", verdict.get().status());
            ArrayNode failures = verdictNode.putArray("failures");
            verdict.get().failures().forEach(failures::add);
        } else {
            root.putNull("verdict");
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write live.json: " + e.getMessage(), e);
        }
    }

    private static ObjectNode sample(LiveSample s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("seq", s.seq());
        node.put("elapsedSec", round(s.elapsedSec()));
        node.put("intervalSec", round(s.intervalSec()));
        node.put("warmup", s.warmup());
        if (s.targetArrivalsPerSec().isPresent()) {
            node.put("targetArrivalsPerSec", round(s.targetArrivalsPerSec().getAsDouble()));
        } else {
            node.putNull("targetArrivalsPerSec");
        }
        node.put("arrivalsPerSec", round(s.arrivalsPerSec()));
        node.put("targetUsers", s.targetUsers());
        node.put("activeUsers", s.activeUsers());
        node.put("requestsPerSec", round(s.requestsPerSec()));
        node.put("failures", s.failures());
        node.put("failuresPerSec", round(s.failuresInInterval() / s.intervalSec()));
        node.put("drops", s.drops());
        node.put("dropsPerSec", round(s.dropsInInterval() / s.intervalSec()));
        millis(node, "intendedP50Ms", s.intendedP50Us());
        millis(node, "intendedP99Ms", s.intendedP99Us());
        millis(node, "serviceP50Ms", s.serviceP50Us());
        millis(node, "serviceP99Ms", s.serviceP99Us());
        millis(node, "lagP99Ms", s.lagP99Us());
        node.put("inFlight", s.inFlight());
        return node;
    }

    private static ObjectNode counts(RequestCounters.Counts counts) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("ok", counts.ok());
        node.put("ko", counts.ko());
        node.put("crashed", counts.crashed());
        return node;
    }

    private static void millis(ObjectNode node, String field, OptionalLong micros) {
        if (micros.isPresent()) {
            node.put(field, micros.getAsLong() / 1000.0);
        } else {
            node.putNull(field);
        }
    }

    /** Three decimals: the page plots them, and a 16-digit double says nothing more. */
    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
