package org.audotics.metrics.internal;

/** The registry's current values in Prometheus' text format (inside this bundle: the servlet reads it). */
interface Scrape {

    String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    String scrape();
}
