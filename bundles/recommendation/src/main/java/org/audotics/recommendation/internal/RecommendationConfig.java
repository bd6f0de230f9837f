package org.audotics.recommendation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the recommendation service, PID {@value #PID} ({@code etc/org.audotics.recommendation.cfg}). */
@ObjectClassDefinition(name = "Audotics recommendation", description = "Which engine answers recommendations, and the discovery playlists")
public @interface RecommendationConfig {

    String PID = "org.audotics.recommendation";

    @AttributeDefinition(name = "Engine filter", description = "LDAP filter choosing the engine, e.g. (recommender.name=feature-knn); the default admits every named engine, so the highest service.ranking wins")
    String recommender_target() default "(recommender.name=*)";

    // Discovery playlists (internal.discovery.DiscoveryPlaylists; docs/recommender.md, "Discovery playlists")
    @AttributeDefinition(description = "Write the playlists on the schedule; false leaves only the on-demand endpoints")
    boolean discovery_enabled() default true;

    @AttributeDefinition(description = "Days between two scheduled runs (periods counted from the epoch, Thursday 00:00 UTC); 7: weekly")
    int discovery_interval_days() default 7;

    @AttributeDefinition(description = "Minutes between two checks of whether the current period's run is due")
    int discovery_check_minutes() default 60;

    @AttributeDefinition(description = "Tracks per playlist, 1..100")
    int discovery_size() default 30;

    @AttributeDefinition(description = "Most tracks of one artist in a playlist, 1..100")
    int discovery_max__per__artist() default 2;

    @AttributeDefinition(description = "The exploration setting the engine is asked with, 0..1 (1: favour what is new to the listener)")
    double discovery_exploration() default 0.6;

    @AttributeDefinition(description = "The playlist's name in the listener's library")
    String discovery_playlist_name() default "Audotics Discovery";

    @AttributeDefinition(description = "Seconds a node's claim on one listener's playlist lasts (freed when it finishes)")
    int discovery_claim_seconds() default 300;
}
