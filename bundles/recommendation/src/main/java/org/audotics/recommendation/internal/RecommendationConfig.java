package org.audotics.recommendation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the recommendation service, PID {@value #PID} ({@code etc/org.audotics.recommendation.cfg}). */
@ObjectClassDefinition(name = "Audotics recommendation", description = "Which engine answers recommendations")
public @interface RecommendationConfig {

    String PID = "org.audotics.recommendation";

    @AttributeDefinition(name = "Engine filter", description = "LDAP filter choosing the engine, e.g. (recommender.name=feature-knn); the default admits every named engine, so the highest service.ranking wins")
    String recommender_target() default "(recommender.name=*)";
}
