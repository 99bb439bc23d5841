package org.truce.server.ops;

import org.truce.server.auth.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** {@code /health}, Prometheus {@code /metrics}, and one structured log line per request. */
public final class Operations {
  private static final Logger ACCESS = LoggerFactory.getLogger("truce.access");

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();

  public Operations() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Adds a named check to {@code /health}; the endpoint answers 503 when any check fails. */
  public void addCheck(String name, BooleanSupplier check) {
    checks.put(name, check);
  }

  public void register(RoutesConfig routes) {
    routes.get("/health", this::health, Role.PUBLIC);
    routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()), Role.ADMIN);
  }

  /** Call from a before-handler: starts the request's clock. */
  public void start(Context ctx) {
    ctx.attribute("truce.start", System.nanoTime());
  }

  /** Call from an after-handler: records the request's duration and logs it. */
  public void finish(Context ctx) {
    Long start = ctx.attribute("truce.start");
    long nanos = start == null ? 0 : System.nanoTime() - start;
    String route = matchedRoute(ctx);
    int status = ctx.statusCode();
    Timer.builder("http.server.requests")
        .tag("method", ctx.method().name())
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .register(registry)
        .record(Duration.ofNanos(nanos));
    MDC.put("method", ctx.method().name());
    MDC.put("path", ctx.path());
    MDC.put("status", Integer.toString(status));
    MDC.put("ms", Long.toString(nanos / 1_000_000));
    try {
      ACCESS.info("{} {} {} {}ms", ctx.method().name(), ctx.path(), status, nanos / 1_000_000);
    } finally {
      MDC.clear();
    }
  }

  private static String matchedRoute(Context ctx) {
    try {
      var matched = ctx.endpoints().matchedHttpEndpoint();
      return matched == null ? "unmatched" : matched.path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  private void health(Context ctx) {
    Map<String, String> results = new LinkedHashMap<>();
    boolean up = true;
    for (Map.Entry<String, BooleanSupplier> check : checks.entrySet()) {
      boolean ok;
      try {
        ok = check.getValue().getAsBoolean();
      } catch (RuntimeException e) {
        ok = false;
      }
      results.put(check.getKey(), ok ? "UP" : "DOWN");
      up &= ok;
    }
    ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN", "checks", results));
  }
}
