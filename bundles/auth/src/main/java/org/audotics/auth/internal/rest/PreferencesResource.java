package org.audotics.auth.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.audotics.auth.api.Preferences;
import org.audotics.auth.api.PreferencesService;
import org.audotics.auth.api.Roles;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.RequiresScope;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The caller's own preferences: {@code GET /v1/me/preferences} and {@code PUT /v1/me/preferences}, which
 * replaces them all (an absent or null field clears it) and answers them as stored:
 * <pre>{"favourite_genres": ["jazz"], "feature_targets": {"energy": 0.8, "tempo": 120},
 * "never_recommend": {"artists": ["..."], "tracks": ["..."]}}</pre>
 * No token: 401; a token without the {@code user} role: 403; a bad value: 400 {@code invalid_body} naming the field.
 */
@RestResource
@Component(service = PreferencesResource.class)
@Path("me/preferences")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public final class PreferencesResource {

    /** The body of {@code PUT /v1/me/preferences}; fields the http bundle's mapper does not know are ignored. */
    public record PreferencesBody(List<String> favouriteGenres, Map<String, Double> featureTargets, NeverRecommend neverRecommend) {
    }

    /** Catalog ids never to recommend. */
    public record NeverRecommend(List<String> artists, List<String> tracks) {
    }

    private final PreferencesService preferences;

    @Activate
    public PreferencesResource(@Reference PreferencesService preferences) {
        this.preferences = preferences;
    }

    @GET
    @RequiresScope(MeResource.READ)
    public Map<String, Object> read(@Context SecurityContext security) {
        return answer(preferences.preferences(caller(security)));
    }

    @PUT
    @RequiresScope(MeResource.MODIFY)
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> replace(PreferencesBody body, @Context SecurityContext security) {
        String id = caller(security);
        if (body == null) {
            throw ApiException.invalidBody("send {\"favourite_genres\": [...], \"feature_targets\": {...}, \"never_recommend\": {\"artists\": [...], \"tracks\": [...]}}");
        }
        NeverRecommend never = body.neverRecommend() == null ? new NeverRecommend(null, null) : body.neverRecommend();
        return answer(preferences.replace(id, new Preferences(list("favourite_genres", body.favouriteGenres()),
                targets(body.featureTargets()), list("never_recommend.artists", never.artists()), list("never_recommend.tracks", never.tracks()))));
    }

    private static List<String> list(String field, List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.stream().anyMatch(Objects::isNull)) {
            throw ApiException.invalidBody("field '" + field + "' contains null");
        }
        return given;
    }

    private static Map<String, Double> targets(Map<String, Double> given) {
        if (given == null) {
            return Map.of();
        }
        given.forEach((attribute, target) -> {
            if (target == null) {
                throw ApiException.invalidBody("field 'feature_targets." + attribute + "' must be a number");
            }
        });
        return given;
    }

    private static Map<String, Object> answer(Preferences stored) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("favourite_genres", stored.favouriteGenres());
        answer.put("feature_targets", new TreeMap<>(stored.featureTargets()));
        answer.put("never_recommend", Map.of("artists", stored.neverArtists(), "tracks", stored.neverTracks()));
        return answer;
    }

    /** The id of the authenticated caller; 401 without one (also checked by {@code @RolesAllowed}). */
    private static String caller(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null) {
            throw new NotAuthorizedException("Bearer realm=\"audotics\"");
        }
        return security.getUserPrincipal().getName();
    }
}
