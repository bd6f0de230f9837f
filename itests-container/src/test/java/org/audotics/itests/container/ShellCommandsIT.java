package org.audotics.itests.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountService;
import org.audotics.catalog.api.CatalogService;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.TrainableRecommender;
import org.audotics.recommendation.api.TrainingJob;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The {@code audotics:*} shell commands (bundles/shell), run inside the running Karaf through its
 * {@link SessionFactory} as an operator would type them; each test checks the output and the effect through the API
 * services.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellCommandsIT {

    @Inject
    SessionFactory sessions;

    @Inject
    AccountService accounts;

    @Inject
    RecommendationService recommendations;

    @Inject
    CatalogService catalog;

    @Inject
    TrainableRecommender trainable;

    @Inject
    ConfigurationAdmin configurations;

    @Configuration
    public Option[] configuration() {
        return AudoticsContainer.configuration();
    }

    /** Runs one command line in a new shell session; standard output and error together. */
    private String execute(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessions.create(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            session.execute(command);
        } finally {
            out.flush();
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The commands are there once the shell bundle's commands are registered and the server is ready. */
    private void ready() throws Exception {
        Await.until("audotics:status answers Ready: yes", () -> {
            try {
                return execute("audotics:status");
            } catch (Exception notYet) {
                return notYet.toString();
            }
        }, output -> output.contains("Ready: yes"));
    }

    @Test
    public void statusShowsReadinessVersionsAndCounts() throws Exception {
        ready();
        String output = execute("audotics:status");
        assertTrue(output, output.startsWith("Audotics 1.0.0"));
        assertTrue(output, output.contains("Ready: yes"));
        assertTrue(output, Pattern.compile("database\\s+up").matcher(output).find());
        assertTrue(output, output.contains("auth.api 1.4.0"));
        assertTrue(output, output.contains("health.api 1.1.0"));
        Matcher bundles = Pattern.compile("Bundles: (\\d+) of (\\d+) Audotics bundles active").matcher(output);
        assertTrue(output, bundles.find());
        assertEquals(output, bundles.group(2), bundles.group(1));
        assertTrue(output, output.contains("Accounts: " + accounts.count()));
        assertTrue(output, output.contains("Catalog revision: " + catalog.revision()));
        assertTrue(output, output.contains("answering: " + recommendations.activeEngine().name()));
    }

    @Test
    public void enginesListsTheEnginesAndMarksTheActiveOne() throws Exception {
        ready();
        String output = execute("audotics:engines");
        String active = recommendations.activeEngine().name();
        assertTrue(output, Pattern.compile("(?m)^\\*\\s+" + Pattern.quote(active) + "\\s").matcher(output).find());
        assertTrue(output, Pattern.compile("(?m)^\\s+feature-knn\\s+-100\\s+org.audotics.recommendation ").matcher(output).find());
        assertTrue(output, output.contains("Target: recommender.target = (recommender.name=*)"));
    }

    @Test
    public void engineUseWritesTheTargetAndTheServiceRebinds() throws Exception {
        ready();
        String before = recommendations.activeEngine().name();
        assertEquals("hybrid", before);
        String output = execute("audotics:engine-use feature-knn");
        try {
            assertTrue(output, output.contains("recommender.target = (recommender.name=feature-knn)"));
            assertTrue(output, output.contains("Engine now: feature-knn"));
            assertEquals("feature-knn", recommendations.activeEngine().name());
            assertEquals("(recommender.name=feature-knn)",
                    configurations.getConfiguration("org.audotics.recommendation", "?").getProperties().get("recommender.target"));
            assertTrue(execute("audotics:engines"), Pattern.compile("(?m)^\\*\\s+feature-knn\\s").matcher(execute("audotics:engines")).find());
        } finally {
            String reset = execute("audotics:engine-use default");
            assertTrue(reset, reset.contains("recommender.target = (recommender.name=*)"));
            assertTrue(reset, reset.contains("Engine now: " + before));
        }
        assertEquals(before, recommendations.activeEngine().name());
        assertEquals("(recommender.name=*)", configurations.getConfiguration("org.audotics.recommendation", "?").getProperties().get("recommender.target"));
    }

    @Test
    public void engineUseRefusesBadAndUnknownNamesAndChangesNothing() throws Exception {
        ready();
        String injected = execute("audotics:engine-use 'x)(recommender.name=*'");
        assertTrue(injected, injected.contains("Cannot use engine: 'x)(recommender.name=*' is no engine name"));
        String unknown = execute("audotics:engine-use no-such-engine");
        assertTrue(unknown, unknown.contains("Cannot use engine: no engine named 'no-such-engine' is registered"));
        assertEquals("(recommender.name=*)", configurations.getConfiguration("org.audotics.recommendation", "?").getProperties().get("recommender.target"));
        assertEquals("hybrid", recommendations.activeEngine().name());
    }

    @Test
    public void userAddCreatesTheAccountAndUserRoleChangesItsRoles() throws Exception {
        ready();
        String email = "shell-" + System.nanoTime() + "@example.org";
        String added = execute("audotics:user-add --name 'Shell Op' --password 'a long passphrase 42' " + email);
        assertTrue(added, added.contains("<" + email + "> created with roles [user]"));
        Account account = accounts.byEmail(email).orElseThrow(() -> new AssertionError("no account after user-add: " + added));
        assertEquals("Shell Op", account.displayName());
        assertEquals(Set.of("user"), account.roles());
        assertTrue("the password was set", accounts.authenticate(email, "a long passphrase 42").isPresent());

        String again = execute("audotics:user-add --password 'a long passphrase 42' " + email);
        assertTrue(again, again.contains("Cannot add user: an account with this email already exists"));
        String weak = execute("audotics:user-add --password short other-" + email);
        assertTrue(weak, weak.startsWith("Cannot add user: "));
        assertTrue(accounts.byEmail("other-" + email).isEmpty());

        String shown = execute("audotics:user-role " + email);
        assertTrue(shown, shown.contains("<" + email + "> has roles [user]"));
        String granted = execute("audotics:user-role --add admin " + email);
        assertTrue(granted, granted.contains("now has roles [admin, user]"));
        assertEquals(Set.of("admin", "user"), accounts.byEmail(email).orElseThrow().roles());
        String withdrawn = execute("audotics:user-role --remove admin " + email);
        assertTrue(withdrawn, withdrawn.contains("now has roles [user]"));
        assertEquals(Set.of("user"), accounts.byEmail(email).orElseThrow().roles());

        String keepsUser = execute("audotics:user-role --remove user " + email);
        assertTrue(keepsUser, keepsUser.contains("Cannot change roles: every account has the role 'user'"));
        String badRole = execute("audotics:user-role --add Not-A-Role " + email);
        assertTrue(badRole, badRole.contains("Cannot change roles: role 'Not-A-Role' is no role name"));
        String nobody = execute("audotics:user-role --add admin nobody-" + email);
        assertTrue(nobody, nobody.contains("Cannot change roles: no account with the email nobody-" + email));
        assertEquals(Set.of("user"), accounts.byEmail(email).orElseThrow().roles());
    }

    @Test
    public void jobsListsImportAndTrainingJobsWithProgress() throws Exception {
        ready();
        String importId = startImport();
        TrainingJob training = trainable.startTraining();
        String imports = Await.until("the import job listed as done", () -> {
            try {
                return execute("audotics:jobs import");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, output -> Pattern.compile("(?m)^\\s+" + Pattern.quote(importId) + "\\s+done\\s+\\[#{20}\\] 100%").matcher(output).find());
        assertTrue(imports, imports.contains("2 lines read, 2 created"));
        assertFalse(imports, imports.contains("training jobs:"));

        String all = execute("audotics:jobs");
        for (String kind : new String[] {"analysis", "import", "scan", "training"}) {
            assertTrue(all, all.contains(kind + " jobs: "));
        }
        assertTrue(all, all.contains(training.id()));

        String unknown = execute("audotics:jobs nosuch");
        assertTrue(unknown, unknown.contains("Cannot list jobs: no job source of kind 'nosuch'; the kinds are [analysis, import, scan, training]"));
        String badLimit = execute("audotics:jobs --limit 0");
        assertTrue(badLimit, badLimit.contains("Cannot list jobs: --limit must be 1 to 1000"));
    }

    /** {@code POST /v1/catalog/imports} on this container's own HTTP port, as the admin: the job's id. */
    private String startImport() throws Exception {
        Object port = configurations.getConfiguration("org.ops4j.pax.web", null).getProperties().get("org.osgi.service.http.port");
        String lines = line("shell-import-1") + "\n" + line("shell-import-2") + "\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/catalog/imports"))
                .header("Authorization", "Bearer " + AudoticsContainer.ADMIN_TOKEN).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(lines)).build();
        HttpClient http = HttpClient.newHttpClient();
        // the REST application may still be mounting (503 "the server is starting") a moment after readiness
        HttpResponse<String> answer = Await.until("POST /v1/catalog/imports past start-up", () -> {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, response -> response.statusCode() != 503 && response.statusCode() != 404);
        assertEquals(answer.body(), 202, answer.statusCode());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        assertTrue(answer.body(), id.find());
        return id.group(1);
    }

    private static String line(String externalId) {
        return String.format(Locale.ROOT, "{\"external_id\":\"%s\",\"name\":\"%s\",\"artists\":[{\"external_id\":\"%s-artist\",\"name\":\"A %s\"}],"
                + "\"genres\":[\"shellgenre\"],\"popularity\":50,\"duration_ms\":200000}", externalId, externalId, externalId, externalId);
    }
}
