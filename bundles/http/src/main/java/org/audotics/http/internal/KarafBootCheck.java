package org.audotics.http.internal;

import org.audotics.health.api.HealthCheck;
import org.audotics.health.api.HealthStatus;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The {@code boot} readiness check: DOWN until Karaf has installed and started every boot feature.
 *
 * <p>Why: the other checks say that the database, cache, catalog and engine are up, but bundles later in the boot
 * (the realtime channel, the API document) still register their resources then, and each registration reloads the
 * REST application; a node that said "ready" in that window answered 503 to the requests it was sent. Karaf registers
 * the service {@value #BOOT_FINISHED} when its boot features are done; it is looked up by name so that this bundle does
 * not import Karaf's packages. {@code ready.wait.for.boot = false} turns the wait off (a container that is not Karaf).
 */
@Component(service = HealthCheck.class, configurationPid = HttpConfig.PID, property = HealthCheck.NAME + "=boot")
public final class KarafBootCheck implements HealthCheck {

    static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";

    private final BundleContext context;
    private volatile boolean wait;

    @Activate
    public KarafBootCheck(BundleContext context, HttpConfig config) {
        this.context = context;
        modified(config);
    }

    @Modified
    void modified(HttpConfig config) {
        wait = config.ready_wait_for_boot();
    }

    @Override
    public HealthStatus check() {
        if (!wait) {
            return HealthStatus.up("not waiting for Karaf's boot (ready.wait.for.boot = false)");
        }
        try {
            return context.getServiceReference(BOOT_FINISHED) != null
                    ? HealthStatus.up("every boot feature installed and started")
                    : HealthStatus.down("Karaf is still installing or starting its boot features");
        } catch (IllegalStateException stopping) {
            return HealthStatus.down("the HTTP bundle is stopping");
        }
    }
}
