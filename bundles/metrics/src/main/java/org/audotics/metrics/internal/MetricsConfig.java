package org.audotics.metrics.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the metrics bundle, PID {@value #PID} ({@code etc/org.audotics.metrics.cfg}). */
@ObjectClassDefinition(name = "Audotics metrics", description = "GET /metrics in Prometheus text")
public @interface MetricsConfig {

    String PID = "org.audotics.metrics";

    @AttributeDefinition(name = "Scrape token",
            description = "A bearer token that may read GET /metrics besides admin tokens (give it to Prometheus). Empty: admin tokens only")
    String scrape_token() default "";

    @AttributeDefinition(name = "JVM and process metrics",
            description = "Whether memory, GC, threads, class loading, CPU, uptime and open files are exported")
    boolean jvm_metrics() default true;
}
