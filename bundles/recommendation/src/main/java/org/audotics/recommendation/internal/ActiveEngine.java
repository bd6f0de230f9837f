package org.audotics.recommendation.internal;

import java.util.Map;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.Recommender;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** An engine together with what it says about itself, swapped as one value so a request sees a matching pair. */
record ActiveEngine(Recommender engine, EngineInfo info) {

    static ActiveEngine of(Recommender engine, ServiceReference<Recommender> reference) {
        Map<String, Object> properties = reference.getProperties() == null ? Map.of() : toMap(reference);
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        return new ActiveEngine(engine, new EngineInfo(
                String.valueOf(properties.getOrDefault(Recommender.NAME, "unnamed")),
                properties.get(Recommender.DESCRIPTION) == null ? null : String.valueOf(properties.get(Recommender.DESCRIPTION)),
                reference.getBundle() == null ? "unknown" : reference.getBundle().getSymbolicName(),
                reference.getBundle() == null ? "unknown" : reference.getBundle().getVersion().toString(),
                ranking instanceof Integer value ? value : 0));
    }

    private static Map<String, Object> toMap(ServiceReference<Recommender> reference) {
        var map = new java.util.HashMap<String, Object>();
        for (String key : reference.getPropertyKeys()) {
            map.put(key, reference.getProperty(key));
        }
        return map;
    }
}
