package org.audotics.auth.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.core.Response;
import org.audotics.auth.internal.apps.Apps;
import org.audotics.auth.internal.apps.AppsTest;
import org.audotics.http.api.ApiException;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /v1/apps}: each rule of the body, the answers, and that no one reaches another user's app. */
class AppsResourceTest {

    @TempDir
    Path data;

    private PooledDatabase database;
    private AppsResource resource;

    @BeforeEach
    void open() throws Exception {
        database = EmbeddedDatabase.open(data);
        Apps apps = new Apps(database);
        apps.owned("nobody"); // creates the tables
        AppsTest.addAccount(database, "u1");
        AppsTest.addAccount(database, "u2");
        resource = new AppsResource(apps);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> register(String user, String name, List<String> uris) {
        Response answer = resource.register(new AppsResource.AppRequest(name, uris), Requests.caller(user, Set.of("user")));
        assertEquals(201, answer.getStatus());
        return (Map<String, Object>) answer.getEntity();
    }

    private void assertRefused(String name, List<String> uris, String messagePart) {
        ApiException e = assertThrows(ApiException.class,
                () -> resource.register(new AppsResource.AppRequest(name, uris), Requests.caller("u1", Set.of("user"))), name + " " + uris);
        assertEquals(400, e.status());
        assertEquals("invalid_body", e.code());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void registrationAnswersTheAppWithItsSecretOnceAndTheListHasNoSecret() {
        Map<String, Object> app = register("u1", "My player", List.of("https://player.example.com/cb", "http://localhost:8080/cb"));
        assertEquals(Set.of("client_id", "client_secret", "name", "redirect_uris", "owner"), app.keySet());
        assertEquals("My player", app.get("name"));
        assertEquals("u1", app.get("owner"));
        assertEquals(List.of("https://player.example.com/cb", "http://localhost:8080/cb"), app.get("redirect_uris"));
        Map<String, Object> list = resource.list(Requests.caller("u1", Set.of("user")));
        assertEquals(1, list.get("total"));
        @SuppressWarnings("unchecked")
        Map<String, Object> listed = ((List<Map<String, Object>>) list.get("items")).get(0);
        assertEquals(app.get("client_id"), listed.get("client_id"));
        assertFalse(listed.containsKey("client_secret"));
        assertEquals(0, resource.list(Requests.caller("u2", Set.of("user"))).get("total"));
    }

    @Test
    void eachRuleOfTheBodyIs400() {
        String ok = "https://app.example.com/cb";
        assertThrows(ApiException.class, () -> resource.register(null, Requests.caller("u1", Set.of("user"))));
        assertRefused(null, List.of(ok), "'name'");
        assertRefused("  ", List.of(ok), "'name'");
        assertRefused("x".repeat(101), List.of(ok), "at most 100");
        assertRefused("bad\u0000name", List.of(ok), "control character");
        assertRefused("App", null, "'redirect_uris'");
        assertRefused("App", List.of(), "'redirect_uris'");
        assertRefused("App", Collections.nCopies(11, ok), "at most 10");
        assertRefused("App", Arrays.asList(ok, null), "null");
        assertRefused("App", List.of(ok, ok), "twice");
        assertRefused("App", List.of("/relative/cb"), "absolute");
        assertRefused("App", List.of("http://app.example.com/cb"), "https");
        assertRefused("App", List.of("ftp://app.example.com/cb"), "https");
        assertRefused("App", List.of("https://app.example.com/cb#frag"), "fragment");
        assertRefused("App", List.of("https://app.example.com/a b"), "not a valid URI");
        assertRefused("App", List.of("mailto:someone@example.com"), "absolute");
        assertRefused("App", List.of("https://app.example.com/" + "x".repeat(700)), "at most 700");
        assertEquals(201, resource.register(new AppsResource.AppRequest("x".repeat(100), List.of("http://127.0.0.1:1234/cb")),
                Requests.caller("u1", Set.of("user"))).getStatus());
    }

    @Test
    void anotherUsersAppIs404AndStaysUntilItsOwnerDeletesIt() {
        String clientId = (String) register("u1", "Mine", List.of("https://mine.example.com/cb")).get("client_id");
        ApiException e = assertThrows(ApiException.class, () -> resource.delete(clientId, Requests.caller("u2", Set.of("user"))));
        assertEquals(404, e.status());
        assertEquals(1, resource.list(Requests.caller("u1", Set.of("user"))).get("total"));
        assertEquals(204, resource.delete(clientId, Requests.caller("u1", Set.of("user"))).getStatus());
        assertEquals(404, assertThrows(ApiException.class, () -> resource.delete(clientId, Requests.caller("u1", Set.of("user")))).status());
        assertEquals(404, assertThrows(ApiException.class, () -> resource.delete("not-an-id", Requests.caller("u1", Set.of("user")))).status());
    }
}
