package org.audotics.http.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.audotics.auth.api.Authenticator;
import org.audotics.metrics.api.Metrics;
import org.audotics.ratelimit.api.RateLimiter;
import org.audotics.http.api.RestResource;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one JAX-RS application, mounted at {@code /v1/*} through the HTTP whiteboard. Every bundle adds
 * resources by registering {@link RestResource} components; this servlet tracks them and reloads Jersey's
 * configuration when one comes or goes (requests in flight finish on the old configuration).
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/v1/*",
        "osgi.http.whiteboard.servlet.name=audotics-v1"})
public final class JerseyServlet extends ServletContainer {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JerseyServlet.class);

    private final transient Map<ServiceReference<?>, Object> resources = new ConcurrentHashMap<>();
    private final transient ServiceTracker<Object, Object> tracker;
    private transient volatile boolean initialised;

    /** Every registered authenticator, highest {@code service.ranking} first (a reference sorts by ranking). */
    private final transient ConcurrentSkipListMap<ServiceReference<Authenticator>, Authenticator> authenticators =
            new ConcurrentSkipListMap<>(Comparator.reverseOrder());

    @Activate
    public JerseyServlet(BundleContext context) throws InvalidSyntaxException {
        super(new ResourceConfig());
        this.tracker = new ServiceTracker<>(context,
                context.createFilter("(" + RestResource.PROPERTY + "=true)"), new ResourceCustomizer(context));
        tracker.open(true);
    }

    /** Request timings go here when a metrics bundle is installed; swapped without reloading the application. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Metrics metrics;

    /** Requests are counted against rate limits when a rate-limit bundle is installed; swapped without a reload. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile RateLimiter rateLimiter;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindAuthenticator(ServiceReference<Authenticator> reference, Authenticator authenticator) {
        authenticators.put(reference, authenticator);
    }

    void unbindAuthenticator(ServiceReference<Authenticator> reference) {
        authenticators.remove(reference);
    }

    @Deactivate
    void deactivate() {
        // closing the tracker removes every resource one by one: reloading Jersey for each, after the web container
        // may already have destroyed this servlet, only logged errors at every shutdown
        initialised = false;
        tracker.close();
    }

    @Override
    public void destroy() {
        initialised = false; // resources that leave after this find no application to reload
        super.destroy();
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        withBundleClassLoader(() -> {
            super.init(config);
            initialised = true;
            reload(configuration());
            return null;
        });
    }

    @Override
    public void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        try {
            super.service(request, response);
        } finally {
            UnreadBody.drain(request);
        }
    }

    private void resourcesChanged() {
        if (!initialised) {
            return;
        }
        try {
            withBundleClassLoader(() -> {
                reload(configuration());
                return null;
            });
        } catch (ServletException | RuntimeException e) {
            LOG.error("Reloading the REST application failed; the previous resources stay active", e);
        }
    }

    private ResourceConfig configuration() {
        return RestApplication.configuration(List.copyOf(resources.values()), () -> List.copyOf(authenticators.values()), () -> metrics,
                () -> rateLimiter);
    }

    /** Jersey finds its own services (injection, providers) through the context class loader. */
    private static <T> T withBundleClassLoader(ServletAction<T> action) throws ServletException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JerseyServlet.class.getClassLoader());
        try {
            return action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @FunctionalInterface
    private interface ServletAction<T> {
        T run() throws ServletException;
    }

    private final class ResourceCustomizer implements ServiceTrackerCustomizer<Object, Object> {

        private final BundleContext context;

        ResourceCustomizer(BundleContext context) {
            this.context = context;
        }

        @Override
        public Object addingService(ServiceReference<Object> reference) {
            Object resource = context.getService(reference);
            if (resource != null) {
                resources.put(reference, resource);
                LOG.info("REST resource added: {} from {}", resource.getClass().getName(),
                        reference.getBundle().getSymbolicName());
                resourcesChanged();
            }
            return resource;
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, Object resource) {
            // properties do not affect how a resource is served
        }

        @Override
        public void removedService(ServiceReference<Object> reference, Object resource) {
            resources.remove(reference);
            LOG.info("REST resource removed: {}", resource.getClass().getName());
            resourcesChanged();
            context.ungetService(reference);
        }
    }
}
