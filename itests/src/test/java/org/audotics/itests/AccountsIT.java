package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registration and public profiles through the real distribution, accounts stored in PostgreSQL. */
@ExtendWith(SharedServer.class)
class AccountsIT {

    private static final String PASSWORD = "a tune only I hum, twice";

    private static SharedServer.Running running;
    private static AudoticsServer server;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void server(SharedServer.Running shared) throws Exception {
        running = shared;
        server = shared.server();
        // the tests that count rows refused ones too: an account makes sure the table is there whichever test runs first
        assertEquals(201, register(body("first-" + UUID.randomUUID() + "@accounts-it.example.org", PASSWORD, "First")).status());
    }

    private String email(String name) {
        return name + "-" + run + "@accounts-it.example.org";
    }

    private static String body(String email, String password, String displayName) {
        return "{\"email\": \"" + email + "\", \"password\": \"" + password + "\", \"display_name\": \"" + displayName + "\"}";
    }

    private static HttpAnswer register(String json) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/v1/auth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void registrationAnswers201InTheMeShapeAndStoresOnlyAnArgon2idHash() throws Exception {
        HttpAnswer answer = register(body(email("Ada").toUpperCase(), PASSWORD, "Ada"));
        assertEquals(201, answer.status(), answer.toString());
        JsonNode me = answer.json();
        String id = me.get("id").asText();
        assertTrue(id.matches("[0-9A-Za-z]{22}"), id);
        assertEquals(email("ada"), me.get("email").asText(), "stored lower-cased");
        assertEquals("Ada", me.get("display_name").asText());
        assertTrue(me.get("country").isNull());
        assertEquals("free", me.get("product").asText());
        assertEquals(0, me.get("images").size());
        assertTrue(me.get("followers").get("href").isNull());
        assertEquals(0, me.get("followers").get("total").asInt());
        assertEquals("audotics:user:" + id, me.get("uri").asText());
        assertEquals("user", me.get("type").asText());
        assertEquals(server.uri("/v1/users/" + id).toString(), me.get("href").asText());
        assertEquals(me.get("href").asText(), answer.header("Location"));
        assertFalse(answer.response().body().contains(PASSWORD));

        try (Connection connection = running.database().connect();
                var statement = connection.prepareStatement("SELECT * FROM user_account WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next());
                assertEquals(email("ada"), row.getString("email"));
                assertEquals("user", row.getString("roles"));
                assertTrue(row.getString("password_hash").matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"),
                        row.getString("password_hash"));
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    assertFalse(String.valueOf(row.getObject(column)).contains(PASSWORD), "plaintext in " + row.getMetaData().getColumnName(column));
                }
            }
        }
        String log = Files.readString(server.home.resolve("data/log/karaf.log"));
        assertFalse(log.contains(PASSWORD), "a password in karaf.log");
    }

    @Test
    void theSameEmailInAnotherLetterCaseIsTaken() throws Exception {
        assertEquals(201, register(body(email("grace"), PASSWORD, "Grace")).status());
        HttpAnswer again = register(body(email("Grace").replace("accounts-it", "Accounts-IT"), "another long password", "Grace H."));
        assertEquals(409, again.status(), again.toString());
        assertEquals("email_taken", again.errorCode());
        assertEquals("an account with this email already exists", again.errorMessage());
        assertEquals(1, running.database().count("SELECT count(*) FROM user_account WHERE email = ?", email("grace")));
    }

    @Test
    void weakPasswordsAre400NamingTheRule() throws Exception {
        HttpAnswer tooShort = register(body(email("short"), "7 chars", "Short"));
        assertEquals(400, tooShort.status(), tooShort.toString());
        assertEquals("weak_password", tooShort.errorCode());
        assertEquals("password must be at least 8 characters long", tooShort.errorMessage());
        HttpAnswer common = register(body(email("common"), "Password123", "Common"));
        assertEquals(400, common.status(), common.toString());
        assertEquals("weak_password", common.errorCode());
        assertEquals("password is one of the most commonly used passwords; choose another", common.errorMessage());
        HttpAnswer tooLong = register(body(email("long"), "x".repeat(257), "Long"));
        assertEquals("password must be at most 256 characters long", tooLong.errorMessage());
        assertEquals(0, running.database().count("SELECT count(*) FROM user_account WHERE email IN (?, ?, ?)",
                email("short"), email("common"), email("long")));
    }

    @Test
    void badEmailsAndMissingFieldsAre400NamingTheField() throws Exception {
        HttpAnswer notAnEmail = register(body("not-an-email", PASSWORD, "X"));
        assertEquals(400, notAnEmail.status(), notAnEmail.toString());
        assertEquals("invalid_body", notAnEmail.errorCode());
        assertEquals("field 'email' is not an email address", notAnEmail.errorMessage());
        HttpAnswer noName = register("{\"email\": \"" + email("noname") + "\", \"password\": \"" + PASSWORD + "\"}");
        assertEquals(400, noName.status(), noName.toString());
        assertEquals("field 'display_name' is required", noName.errorMessage());
        HttpAnswer noEmail = register("{\"password\": \"" + PASSWORD + "\", \"display_name\": \"X\"}");
        assertEquals("field 'email' is required", noEmail.errorMessage());
    }

    @Test
    void wrongJsonTypesAndBrokenBodiesAre400() throws Exception {
        HttpAnswer number = register("{\"email\": 42, \"password\": \"" + PASSWORD + "\", \"display_name\": \"X\"}");
        assertEquals(400, number.status(), number.toString());
        assertEquals("invalid_body", number.errorCode());
        assertEquals("field 'email' must be a string", number.errorMessage());
        HttpAnswer object = register("{\"email\": \"" + email("obj") + "\", \"password\": {\"a\": 1}, \"display_name\": \"X\"}");
        assertEquals(400, object.status(), object.toString());
        assertEquals("field 'password' must be a string", object.errorMessage());
        HttpAnswer array = register("[1, 2]");
        assertEquals(400, array.status(), array.toString());
        assertEquals("invalid_body", array.errorCode());
        HttpAnswer broken = register("{\"email\": ");
        assertEquals(400, broken.status(), broken.toString());
        assertEquals("invalid_body", broken.errorCode());
        HttpAnswer empty = register("");
        assertEquals(400, empty.status(), empty.toString());
        assertEquals("invalid_body", empty.errorCode());
    }

    @Test
    void aPublicProfileIsReadableByAnyoneWithoutEmailOrCountry() throws Exception {
        String id = register(body(email("linus"), PASSWORD, "Linus")).json().get("id").asText();
        HttpAnswer profile = server.get("/v1/users/" + id);
        assertEquals(200, profile.status(), profile.toString());
        assertEquals(id, profile.json().get("id").asText());
        assertEquals("Linus", profile.json().get("display_name").asText());
        assertEquals("user", profile.json().get("type").asText());
        assertEquals("audotics:user:" + id, profile.json().get("uri").asText());
        assertEquals(server.uri("/v1/users/" + id).toString(), profile.json().get("href").asText());
        assertEquals(0, profile.json().get("followers").get("total").asInt());
        assertFalse(profile.json().has("email"));
        assertFalse(profile.json().has("country"));

        HttpAnswer unknown = server.get("/v1/users/0123456789abcdefghijkl");
        assertEquals(404, unknown.status(), unknown.toString());
        assertEquals("not_found", unknown.errorCode());
        assertEquals(404, server.get("/v1/users/not-an-id").status());
    }

    @Test
    void meNeedsAUsersToken() throws Exception {
        HttpAnswer anonymous = server.getAnonymously("/v1/me");
        assertEquals(401, anonymous.status(), anonymous.toString());
        assertEquals("unauthorized", anonymous.errorCode());
        HttpAnswer admin = server.send(HttpRequest.newBuilder(server.uri("/v1/me")).header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN).GET());
        assertEquals(403, admin.status(), "the admin token is no person: " + admin);
        HttpAnswer delete = server.send(HttpRequest.newBuilder(server.uri("/v1/me")).DELETE());
        assertEquals(401, delete.status(), delete.toString());
    }

    private static HttpAnswer signIn(String email, String password) throws Exception {
        String form = "grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return server.send(HttpRequest.newBuilder(server.uri("/v1/auth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpAnswer changePassword(String accessToken, String json) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/v1/me/password")).header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void aPasswordChangeEndsEverySignInAndOnlyTheNewPasswordSignsIn() throws Exception {
        String email = email("changer");
        assertEquals(201, register(body(email, PASSWORD, "Changer")).status());
        JsonNode phone = signIn(email, PASSWORD).json();
        JsonNode laptop = signIn(email, PASSWORD).json();
        String phoneToken = phone.get("access_token").asText();

        HttpAnswer wrong = changePassword(phoneToken, "{\"current_password\": \"not it at all\", \"new_password\": \"a newer tune I hum\"}");
        assertEquals(403, wrong.status(), wrong.toString());
        assertEquals("wrong_password", wrong.errorCode());
        HttpAnswer weak = changePassword(phoneToken, "{\"current_password\": \"" + PASSWORD + "\", \"new_password\": \"password\"}");
        assertEquals(400, weak.status(), weak.toString());
        assertEquals("weak_password", weak.errorCode());
        assertEquals(400, changePassword(phoneToken, "{\"current_password\": \"" + PASSWORD + "\"}").status());
        assertEquals(403, changePassword(AudoticsServer.ADMIN_TOKEN, "{\"current_password\": \"x\", \"new_password\": \"a newer tune I hum\"}").status(),
                "the admin token is no person");

        HttpAnswer changed = changePassword(phoneToken, "{\"current_password\": \"" + PASSWORD + "\", \"new_password\": \"a newer tune I hum\"}");
        assertEquals(204, changed.status(), changed.toString());
        for (JsonNode session : new JsonNode[] {phone, laptop}) {
            HttpAnswer me = server.send(HttpRequest.newBuilder(server.uri("/v1/me"))
                    .header("Authorization", "Bearer " + session.get("access_token").asText()).GET());
            assertEquals(401, me.status(), "every access token of the account ends: " + me);
            String refresh = "grant_type=refresh_token&refresh_token=" + URLEncoder.encode(session.get("refresh_token").asText(), StandardCharsets.UTF_8);
            HttpAnswer refreshed = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(refresh)));
            assertEquals(400, refreshed.status(), refreshed.toString());
        }
        assertEquals(400, signIn(email, PASSWORD).status(), "the old password is invalid_grant");
        assertEquals(200, signIn(email, "a newer tune I hum").status());
    }
}
