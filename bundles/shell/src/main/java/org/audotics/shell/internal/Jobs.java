package org.audotics.shell.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.audotics.health.api.JobSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The registered job sources (health-api {@link JobSource}), by kind. */
final class Jobs {

    record Source(String kind, ServiceReference<JobSource> reference) {
    }

    private Jobs() {
    }

    static List<Source> sources(BundleContext context) {
        Collection<ServiceReference<JobSource>> references;
        try {
            references = context.getServiceReferences(JobSource.class, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Source> sources = new ArrayList<>();
        for (ServiceReference<JobSource> reference : references) {
            Object kind = reference.getProperty(JobSource.KIND);
            sources.add(new Source(kind == null ? "?" : kind.toString(), reference));
        }
        sources.sort(Comparator.comparing(Source::kind));
        return sources;
    }
}
