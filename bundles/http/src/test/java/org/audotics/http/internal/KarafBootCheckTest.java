package org.audotics.http.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Readiness waits for Karaf's BootFinished service unless told not to. */
class KarafBootCheckTest {

    private final AtomicBoolean bootFinished = new AtomicBoolean();

    private BundleContext context() {
        ServiceReference<?> reference = (ServiceReference<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> null);
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> method.getName().equals("getServiceReference")
                        && KarafBootCheck.BOOT_FINISHED.equals(args[0]) && bootFinished.get() ? reference : null);
    }

    private static HttpConfig waiting(boolean wait) {
        HttpConfig defaults = HealthServletTest.config(true);
        return (HttpConfig) Proxy.newProxyInstance(HttpConfig.class.getClassLoader(), new Class<?>[] {HttpConfig.class},
                (proxy, method, args) -> method.getName().equals("ready_wait_for_boot") ? wait
                        : method.getName().equals("annotationType") ? (Class<? extends Annotation>) HttpConfig.class
                        : method.invoke(defaults, args));
    }

    @Test
    void downUntilKarafHasFinishedItsBootFeatures() {
        KarafBootCheck check = new KarafBootCheck(context(), waiting(true));
        assertFalse(check.check().up(), check.check().detail());
        bootFinished.set(true);
        assertTrue(check.check().up(), check.check().detail());
    }

    @Test
    void upAtOnceWhenTheWaitIsTurnedOff() {
        KarafBootCheck check = new KarafBootCheck(context(), waiting(false));
        assertTrue(check.check().up(), check.check().detail());
        check.modified(waiting(true));
        assertFalse(check.check().up(), "waiting again after a configuration change");
    }
}
