package org.audotics.realtime.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import org.audotics.catalog.api.CatalogService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link TrackDurations} from the catalog (one bulk lookup). */
@Component(service = TrackDurations.class)
public final class CatalogTrackDurations implements TrackDurations {

    private final CatalogService catalog;

    @Activate
    public CatalogTrackDurations(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public Map<String, Long> durations(Collection<String> trackIds) {
        Map<String, Long> durations = new HashMap<>();
        catalog.tracks(new LinkedHashSet<>(trackIds)).forEach((id, track) -> durations.put(id, (long) Math.max(0, track.durationMs())));
        return durations;
    }
}
