package io.loadbench.loader.datasets.commerce;

/**
 * The commerce seed's five incident types, most common first, each with what it does to a transaction:
 * the response-time range while it lasts, the error it produces, the service it hits hardest and the
 * infrastructure metric that gives it away. Response times stay within the seed's 5,000-35,000 ms.
 */
public enum IncidentType {
    /** The seed's most common incident: checkout calls hang on the payment provider until they time out. */
    PAYMENT_GATEWAY_TIMEOUT("payment_gateway_timeout", 35, 15_000, 35_000, "payment_gateway_timeout", 504,
            "Payment gateway did not respond within 30000 ms", "payment-service"),
    DATABASE_POOL_EXHAUSTION("database_connection_pool_exhaustion", 20, 5_000, 20_000, "db_connection_pool_exhausted", 503,
            "HikariPool-1 - Connection is not available, request timed out after 5000ms", "checkout-service"),
    /** Gradual: response times climb through the incident as the heap fills (the seed's "memory leak"). */
    MEMORY_PRESSURE("memory_pressure", 15, 5_000, 15_000, "out_of_memory", 500,
            "java.lang.OutOfMemoryError: GC overhead limit exceeded", "checkout-service"),
    CIRCUIT_BREAKER_ACTIVATION("circuit_breaker_activation", 15, 5_000, 12_000, "circuit_breaker_open", 503,
            "CircuitBreaker 'inventory' is OPEN and does not permit further calls", "cart-service"),
    UPSTREAM_SERVICE_DEGRADATION("upstream_service_degradation", 15, 8_000, 25_000, "upstream_service_unavailable", 502,
            "Upstream inventory-service responded 503 Service Unavailable", "catalog-service");

    private final String code;
    private final double weight;
    private final int minResponseMs;
    private final int maxResponseMs;
    private final String errorType;
    private final int httpStatus;
    private final String errorMessage;
    private final String service;

    IncidentType(String code, double weight, int minResponseMs, int maxResponseMs, String errorType, int httpStatus,
                 String errorMessage, String service) {
        this.code = code;
        this.weight = weight;
        this.minResponseMs = minResponseMs;
        this.maxResponseMs = maxResponseMs;
        this.errorType = errorType;
        this.httpStatus = httpStatus;
        this.errorMessage = errorMessage;
        this.service = service;
    }

    public String code() {
        return code;
    }

    /** Relative frequency among incidents. */
    public double weight() {
        return weight;
    }

    public int minResponseMs() {
        return minResponseMs;
    }

    public int maxResponseMs() {
        return maxResponseMs;
    }

    public String errorType() {
        return errorType;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** The service whose transactions the incident hits. */
    public String service() {
        return service;
    }
}
