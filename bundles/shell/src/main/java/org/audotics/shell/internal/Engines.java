package org.audotics.shell.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.List;
import org.audotics.recommendation.api.Recommender;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The registered recommendation engines (their service properties) and the recommendation service's target. */
final class Engines {

    /** The recommendation bundle's configuration and the key of its engine filter (docs/operations.md). */
    static final String PID = "org.audotics.recommendation";
    static final String TARGET = "recommender.target";
    static final String ANY = "(" + Recommender.NAME + "=*)";

    record Engine(String name, String description, int ranking, String bundle, String version) {
    }

    private Engines() {
    }

    /** Highest ranking first, as the recommendation service picks them without a target. */
    static List<Engine> registered(BundleContext context) {
        Collection<ServiceReference<Recommender>> references;
        try {
            references = context.getServiceReferences(Recommender.class, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Engine> engines = new ArrayList<>();
        for (ServiceReference<Recommender> reference : references) {
            Object name = reference.getProperty(Recommender.NAME);
            Object description = reference.getProperty(Recommender.DESCRIPTION);
            Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
            engines.add(new Engine(name == null ? "?" : name.toString(), description == null ? "" : description.toString(),
                    ranking instanceof Integer value ? value : 0, reference.getBundle().getSymbolicName(),
                    reference.getBundle().getVersion().toString()));
        }
        engines.sort(Comparator.comparingInt(Engine::ranking).reversed().thenComparing(Engine::name));
        return engines;
    }

    /** The configured filter, {@link #ANY} when none is set. */
    static String target(ConfigurationAdmin configurations) throws IOException {
        Configuration configuration = configurations.getConfiguration(PID, "?");
        Dictionary<String, Object> properties = configuration.getProperties();
        Object target = properties == null ? null : properties.get(TARGET);
        return target == null || target.toString().isBlank() ? ANY : target.toString();
    }

    /** The filter that selects one engine by name; {@code name} is checked by the caller (no filter syntax in it). */
    static String targetFor(String name) {
        return "(" + Recommender.NAME + "=" + name + ")";
    }
}
