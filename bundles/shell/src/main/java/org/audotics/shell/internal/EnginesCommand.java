package org.audotics.shell.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.audotics.recommendation.api.NoEngineException;
import org.audotics.recommendation.api.RecommendationService;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * {@code audotics:engines}: the registered recommendation engines, highest ranking first, the one answering now
 * marked {@code *}, and the recommendation service's {@code recommender.target}.
 */
@Service
@Command(scope = "audotics", name = "engines", description = "List the recommendation engines; * marks the one answering")
public final class EnginesCommand implements Action {

    @Reference
    BundleContext context;

    @Reference
    RecommendationService recommendations;

    @Reference
    ConfigurationAdmin configurations;

    @Override
    public Object execute() throws Exception {
        String active;
        try {
            active = recommendations.activeEngine().name();
        } catch (NoEngineException e) {
            active = null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Engines.Engine engine : Engines.registered(context)) {
            rows.add(List.of(engine.name().equals(active) ? "*" : "", engine.name(), Integer.toString(engine.ranking()),
                    engine.bundle() + " " + engine.version(), engine.description()));
        }
        Text.table(List.of("", "NAME", "RANKING", "BUNDLE", "DESCRIPTION"), rows).forEach(System.out::println);
        System.out.println();
        System.out.println("Target: " + Engines.TARGET + " = " + Engines.target(configurations) + "  (audotics:engine-use NAME changes it)");
        if (active == null) {
            System.out.println("No engine answers: none is registered or none matches the target");
        }
        return null;
    }
}
