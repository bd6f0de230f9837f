package org.audotics.auth.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.NotAuthorizedException;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountException;
import org.audotics.auth.api.Roles;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.RequiresScope;
import org.junit.jupiter.api.Test;

/** {@code /v1/me} at the resource level: the caller is whoever the security context names. */
class MeResourceTest {

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final MeResource resource = new MeResource(accounts);
    private final Account ada = accounts.add("ada@example.org", "Ada");
    private final Account grace = accounts.add("grace@example.org", "Grace");

    @Test
    void getAnswersTheCallersAccountInSpotifysCurrentUserShape() {
        Map<String, Object> me = resource.me(Requests.caller(ada.id(), Set.of(Roles.USER)), Requests.uri());
        assertEquals(ada.id(), me.get("id"));
        assertEquals("Ada", me.get("display_name"));
        assertEquals("ada@example.org", me.get("email"));
        assertTrue(me.containsKey("country"));
        assertNull(me.get("country"));
        assertEquals("free", me.get("product"));
        assertEquals(List.of(), me.get("images"));
        Map<?, ?> followers = (Map<?, ?>) me.get("followers");
        assertTrue(followers.containsKey("href"));
        assertNull(followers.get("href"));
        assertEquals(0, followers.get("total"));
        assertEquals("audotics:user:" + ada.id(), me.get("uri"));
        assertEquals("http://127.0.0.1:8181/v1/users/" + ada.id(), me.get("href"));
        assertEquals("user", me.get("type"));
    }

    @Test
    void withoutATokenEveryMethodAnswers401() {
        assertEquals(401, assertThrows(NotAuthorizedException.class, () -> resource.me(Requests.anonymous(), Requests.uri()))
                .getResponse().getStatus());
        assertThrows(NotAuthorizedException.class,
                () -> resource.update(new MeResource.ProfileUpdate("X", null), Requests.anonymous(), Requests.uri()));
        assertThrows(NotAuthorizedException.class, () -> resource.delete(Requests.anonymous()));
        assertEquals(2, accounts.accounts.size(), "nothing deleted");
    }

    @Test
    void onlyCallersWithTheUserRoleReachTheResource() {
        // the HTTP bundle's RolesAllowed filter answers 401 without a token and 403 for the admin token, which is no person
        assertEquals(List.of(Roles.USER), List.of(MeResource.class.getAnnotation(RolesAllowed.class).value()));
    }

    @Test
    void readingNeedsUserReadPrivateAndChangingOrDeletingNeedsUserModifyPrivate() throws Exception {
        // the HTTP bundle's RequiresScope filter answers 403 insufficient_scope to a token without them
        assertEquals(List.of("user-read-private"), scopes("me", javax.ws.rs.core.SecurityContext.class, javax.ws.rs.core.UriInfo.class));
        assertEquals(List.of("user-modify-private"), scopes("update", MeResource.ProfileUpdate.class,
                javax.ws.rs.core.SecurityContext.class, javax.ws.rs.core.UriInfo.class));
        assertEquals(List.of("user-modify-private"), scopes("delete", javax.ws.rs.core.SecurityContext.class));
    }

    private static List<String> scopes(String method, Class<?>... parameters) throws NoSuchMethodException {
        return List.of(MeResource.class.getMethod(method, parameters).getAnnotation(RequiresScope.class).value());
    }

    @Test
    void theEmailIsAnsweredOnlyToATokenWithUserReadEmail() {
        Map<String, Object> me = resource.me(Requests.caller(ada.id(), Set.of(Roles.USER), Set.of("user-read-private")), Requests.uri());
        assertEquals(ada.id(), me.get("id"));
        assertFalse(me.containsKey("email"), me.toString());
        Map<String, Object> updated = resource.update(new MeResource.ProfileUpdate("Ada L", null),
                Requests.caller(ada.id(), Set.of(Roles.USER), Set.of("user-modify-private")), Requests.uri());
        assertEquals("Ada L", updated.get("display_name"));
        assertFalse(updated.containsKey("email"), updated.toString());
        assertEquals("ada@example.org", resource.me(Requests.caller(ada.id(), Set.of(Roles.USER),
                Set.of("user-read-private", "user-read-email")), Requests.uri()).get("email"));
    }

    @Test
    void putReplacesTheCallersNameAndCountryOnly() {
        Map<String, Object> me = resource.update(new MeResource.ProfileUpdate("Countess", "gb"), Requests.caller(ada.id(), Set.of(Roles.USER)),
                Requests.uri());
        assertEquals("Countess", me.get("display_name"));
        assertEquals("GB", me.get("country"));
        assertEquals("ada@example.org", me.get("email"));
        assertEquals("Countess", accounts.account(ada.id()).orElseThrow().displayName());
        assertEquals("Grace", accounts.account(grace.id()).orElseThrow().displayName(), "another user is untouched");
        assertEquals("GB", resource.me(Requests.caller(ada.id(), Set.of(Roles.USER)), Requests.uri()).get("country"));
    }

    @Test
    void putWithoutABodyOrWithABadFieldIsRefused() {
        ApiException empty = assertThrows(ApiException.class, () -> resource.update(null, Requests.caller(ada.id(), Set.of(Roles.USER)), Requests.uri()));
        assertEquals(400, empty.status());
        assertEquals("invalid_body", empty.code());
        AccountException country = assertThrows(AccountException.class,
                () -> resource.update(new MeResource.ProfileUpdate("Ada", "Sweden"), Requests.caller(ada.id(), Set.of(Roles.USER)), Requests.uri()));
        assertEquals(AccountException.Reason.INVALID_FIELD, country.reason());
    }

    @Test
    void deleteRemovesTheCallersAccountOnlyAndAnswers204() {
        assertEquals(204, resource.delete(Requests.caller(ada.id(), Set.of(Roles.USER))).getStatus());
        assertTrue(accounts.account(ada.id()).isEmpty());
        assertFalse(accounts.account(grace.id()).isEmpty());
        AccountException again = assertThrows(AccountException.class, () -> resource.me(Requests.caller(ada.id(), Set.of(Roles.USER)), Requests.uri()));
        assertEquals(AccountException.Reason.NOT_FOUND, again.reason());
        assertEquals(AccountException.Reason.NOT_FOUND,
                assertThrows(AccountException.class, () -> resource.delete(Requests.caller(ada.id(), Set.of(Roles.USER)))).reason());
    }
}
