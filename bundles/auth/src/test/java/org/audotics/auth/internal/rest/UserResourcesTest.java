package org.audotics.auth.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import javax.ws.rs.core.Response;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountException;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorBody;
import org.junit.jupiter.api.Test;

/** Registration, public profiles, the request bodies as the HTTP bundle reads them, and the error mapping. */
class UserResourcesTest {

    private final InMemoryAccounts accounts = new InMemoryAccounts();

    @Test
    void registrationAnswers201WithTheAccountAndItsLocation() {
        Response answer = new RegisterResource(accounts).register(new RegisterResource.Registration("ada@example.org", "a tune only I hum", "Ada"),
                Requests.uri());
        assertEquals(201, answer.getStatus());
        Map<?, ?> me = (Map<?, ?>) answer.getEntity();
        Account ada = accounts.accounts.values().iterator().next();
        assertEquals(ada.id(), me.get("id"));
        assertEquals("ada@example.org", me.get("email"));
        assertEquals("http://127.0.0.1:8181/v1/users/" + ada.id(), answer.getLocation().toString());
        ApiException empty = assertThrows(ApiException.class, () -> new RegisterResource(accounts).register(null, Requests.uri()));
        assertEquals("invalid_body", empty.code());
    }

    @Test
    void aPublicProfileShowsNeitherEmailNorCountry() {
        Account ada = accounts.add("ada@example.org", "Ada");
        accounts.update(ada.id(), "Ada", "GB");
        Map<String, Object> profile = new UserResource(accounts).user(ada.id(), Requests.uri());
        assertEquals(ada.id(), profile.get("id"));
        assertEquals("Ada", profile.get("display_name"));
        assertEquals("user", profile.get("type"));
        assertEquals("audotics:user:" + ada.id(), profile.get("uri"));
        assertFalse(profile.containsKey("email"));
        assertFalse(profile.containsKey("country"));
        assertFalse(profile.containsKey("product"));
        ApiException unknown = assertThrows(ApiException.class, () -> new UserResource(accounts).user("nobody", Requests.uri()));
        assertEquals(404, unknown.status());
    }

    @Test
    void bodiesAreReadInSnakeCase() throws Exception {
        // the HTTP bundle's mapper: snake_case, strict scalars (its ApiObjectMapper)
        ObjectMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
        assertEquals(new RegisterResource.Registration("a@example.org", "pw", "Ada"),
                json.readValue("{\"email\": \"a@example.org\", \"password\": \"pw\", \"display_name\": \"Ada\"}", RegisterResource.Registration.class));
        assertEquals(new MeResource.ProfileUpdate("Ada", null), json.readValue("{\"display_name\": \"Ada\"}", MeResource.ProfileUpdate.class));
    }

    @Test
    void refusalsAreAnsweredWithTheirStatusCodeAndMessage() {
        AccountExceptionMapper mapper = new AccountExceptionMapper();
        assertError(409, "email_taken", "taken", mapper.toResponse(new AccountException(AccountException.Reason.EMAIL_TAKEN, "taken")));
        assertError(400, "weak_password", "short", mapper.toResponse(new AccountException(AccountException.Reason.WEAK_PASSWORD, "short")));
        assertError(400, "invalid_body", "field 'email' is not an email address",
                mapper.toResponse(new AccountException(AccountException.Reason.INVALID_FIELD, "field 'email' is not an email address")));
        assertError(404, "not_found", "no user", mapper.toResponse(new AccountException(AccountException.Reason.NOT_FOUND, "no user")));
    }

    private static void assertError(int status, String code, String message, Response response) {
        assertEquals(status, response.getStatus());
        assertEquals("application/json", response.getMediaType().toString());
        assertEquals(ErrorBody.of(status, code, message), response.getEntity());
    }
}
