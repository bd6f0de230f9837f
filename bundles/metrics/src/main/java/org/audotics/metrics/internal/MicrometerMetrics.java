package org.audotics.metrics.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;
import org.audotics.metrics.api.Metrics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@link Metrics} on a Micrometer registry that renders Prometheus text. Micrometer is embedded in this bundle (no
 * other bundle sees it): its own bundle imports {@code com.sun.management}, which Karaf's system bundle does not
 * export, and the small API keeps the other bundles free of a metrics library.
 */
@Component(service = {Metrics.class, Scrape.class}, configurationPid = MetricsConfig.PID)
@Designate(ocd = MetricsConfig.class)
public final class MicrometerMetrics implements Metrics, Scrape {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
    private static final Duration SHORTEST = Duration.ofMillis(1);
    private static final Duration LONGEST = Duration.ofSeconds(60);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private JvmGcMetrics gc;

    @Activate
    public MicrometerMetrics(MetricsConfig config) {
        if (config.jvm_metrics()) {
            new JvmMemoryMetrics().bindTo(registry);
            gc = new JvmGcMetrics();
            gc.bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            new FileDescriptorMetrics().bindTo(registry);
        }
    }

    @Deactivate
    void close() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }

    @Override
    public void time(String name, long nanos, String... tags) {
        Timer.builder(checked(name)).tags(checked(tags))
                .publishPercentileHistogram().minimumExpectedValue(SHORTEST).maximumExpectedValue(LONGEST)
                .register(registry).record(Duration.ofNanos(Math.max(0, nanos)));
    }

    @Override
    public void count(String name, double amount, String... tags) {
        if (!(amount >= 0)) {
            throw new IllegalArgumentException("a counter only grows: " + amount);
        }
        Counter.builder(checked(name)).tags(checked(tags)).register(registry).increment(amount);
    }

    @Override
    public Metrics.Gauge gauge(String name, String description, DoubleSupplier value, String... tags) {
        Meter gauge = io.micrometer.core.instrument.Gauge.builder(checked(name), value, DoubleSupplier::getAsDouble)
                .description(description).tags(checked(tags)).strongReference(true).register(registry);
        return () -> removeMeter(gauge);
    }

    private void removeMeter(Meter meter) {
        registry.remove(meter);
    }

    @Override
    public String scrape() {
        return registry.scrape();
    }

    static String checked(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a metric name is dotted lower case (audotics.http.requests): " + name);
        }
        return name;
    }

    static String[] checked(String[] tags) {
        if (tags.length % 2 != 0) {
            throw new IllegalArgumentException("tags are key/value pairs, got " + tags.length + " strings");
        }
        for (int i = 0; i < tags.length; i++) {
            if (tags[i] == null) {
                throw new IllegalArgumentException("tag " + (i / 2) + " has a null " + (i % 2 == 0 ? "key" : "value"));
            }
        }
        return tags;
    }
}
