package org.audotics.recommendation.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.auth.api.Roles;
import org.audotics.catalog.api.TrackObject;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;
import org.audotics.http.api.RestResource;
import org.audotics.recommendation.api.Caller;
import org.audotics.recommendation.api.GroupAnswer;
import org.audotics.recommendation.api.GroupRecommendation;
import org.audotics.recommendation.api.GroupRecommendations;
import org.audotics.recommendation.api.GroupRequest;
import org.audotics.recommendation.api.GroupStrategy;
import org.audotics.recommendation.api.RecommendationService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /v1/recommendations/group}: {@code {"members": [user ids], "weights": {"<id>": 2}, "strategy":
 * "average|least_misery|average_without_misery|fairness", "limit": 20}} plus, optionally, any parameter of
 * {@code GET /v1/recommendations} as a field (a list as an array or a comma-separated string: {@code seed_genres},
 * {@code target_energy}, {@code exclude_artists}, {@code max_per_artist}, ...). Answers {@code {"strategy",
 * "tracks": [track objects with "group": {"score", "satisfaction": {member: 0..1}, "for": [members]}]}}.
 *
 * <p>A member's token (the group's tastes are shown to its members only) or the admin token; anyone else 403.
 */
@RestResource
@Component(service = GroupRecommendationResource.class)
@Path("recommendations/group")
@Produces(MediaType.APPLICATION_JSON)
public final class GroupRecommendationResource {

    private static final List<String> OWN_FIELDS = List.of("members", "weights", "strategy", "limit");

    private final GroupRecommendations groups;

    @Activate
    public GroupRecommendationResource(@Reference GroupRecommendations groups) {
        this.groups = groups;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recommend(JsonNode body, @Context SecurityContext security, @Context UriInfo uri) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalidBody("the body must be a JSON object with members");
        }
        List<String> members = members(body.get("members"));
        authorise(security, members);
        Map<String, Double> weights = weights(body.get("weights"));
        GroupStrategy strategy = strategy(body.get("strategy"));
        int limit = limit(body.get("limit"));
        Caller caller = Caller.group(members, weights); // weights naming a stranger: 400 by its mapper
        RecommendationQuery query = RecommendationQuery.parse(parameters(body), caller);
        GroupAnswer answer = groups.recommend(new GroupRequest(caller, strategy, query.request(), limit));
        URI base = uri.getBaseUri();
        List<RecommendedTrack> tracks = new ArrayList<>();
        for (GroupRecommendation track : answer.tracks()) {
            tracks.add(new RecommendedTrack(TrackObject.of(track.track(), base), null,
                    new RecommendedTrack.GroupBody(track.score(), track.satisfaction(), track.forWhom())));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("strategy", answer.strategy().wireName());
        response.put("tracks", tracks);
        Response.ResponseBuilder ok = Response.ok(response).header(RecommendationResource.ENGINE_HEADER, answer.engine().name());
        String fallback = RecommendationResource.fallbackHeader(answer.fallbacks());
        return (fallback == null ? ok : ok.header(RecommendationResource.FALLBACK_HEADER, fallback)).build();
    }

    private static void authorise(SecurityContext security, List<String> members) {
        if (security != null && security.getUserPrincipal() instanceof AuthenticatedUser user
                && (user.hasRole(Roles.ADMIN) || (user.hasRole(Roles.USER) && members.contains(user.id())))) {
            return;
        }
        throw new ApiException(403, ErrorCodes.FORBIDDEN, "only a member of the group (or an admin) may ask for its recommendations");
    }

    private static List<String> members(JsonNode node) {
        String rule = "members must be an array of 1 to " + Caller.MAX_MEMBERS + " user ids";
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > Caller.MAX_MEMBERS) {
            throw ApiException.invalidBody(rule);
        }
        List<String> members = new ArrayList<>();
        for (JsonNode member : node) {
            if (!member.isTextual() || member.asText().isBlank()) {
                throw ApiException.invalidBody(rule);
            }
            if (members.contains(member.asText())) {
                throw ApiException.invalidBody("members lists user '" + member.asText() + "' twice");
            }
            members.add(member.asText());
        }
        return members;
    }

    private static Map<String, Double> weights(JsonNode node) {
        Map<String, Double> weights = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return weights;
        }
        if (!node.isObject()) {
            throw ApiException.invalidBody("weights must be an object of member id to a number of at least 0");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (!value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < 0) {
                throw ApiException.invalidBody("weights must give each member a number of at least 0; '"
                        + field.getKey() + "' has " + value);
            }
            weights.put(field.getKey(), value.asDouble());
        }
        return weights;
    }

    private static GroupStrategy strategy(JsonNode node) {
        if (node == null || node.isNull()) {
            return GroupStrategy.AVERAGE;
        }
        return (node.isTextual() ? GroupStrategy.fromWireName(node.asText()) : java.util.Optional.<GroupStrategy>empty())
                .orElseThrow(() -> ApiException.invalidBody("strategy must be average, least_misery, average_without_misery or fairness"));
    }

    private static int limit(JsonNode node) {
        if (node == null || node.isNull()) {
            return RecommendationService.DEFAULT_LIMIT;
        }
        if (!node.isIntegralNumber() || node.asLong() < 1 || node.asLong() > RecommendationService.MAX_LIMIT) {
            throw ApiException.invalidBody("limit must be a whole number between 1 and " + RecommendationService.MAX_LIMIT);
        }
        return node.asInt();
    }

    /** The other fields as the query parameters of {@code GET /v1/recommendations}, checked by its parser. */
    private static MultivaluedMap<String, String> parameters(JsonNode body) {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (OWN_FIELDS.contains(field.getKey()) || field.getKey().equals("limit")) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                for (JsonNode item : value) {
                    if (!item.isValueNode() || item.isNull()) {
                        throw ApiException.invalidBody(field.getKey() + " must be a list of values");
                    }
                    items.add(item.asText());
                }
                if (!items.isEmpty()) {
                    parameters.add(field.getKey(), String.join(",", items));
                }
            } else if (value.isValueNode() && !value.isNull()) {
                parameters.add(field.getKey(), value.asText());
            } else if (!value.isNull()) {
                throw ApiException.invalidBody(field.getKey() + " must be a value or a list of values");
            }
        }
        return parameters;
    }
}
