package org.audotics.itests.container;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import org.audotics.testservices.TestPostgres;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * The Pax Exam options that boot our own distribution (karaf-assembly's tar.gz) on Java 17 against a fresh
 * PostgreSQL database of the tests' PostgreSQL ({@link TestPostgres}), configured as {@code itests/} configures
 * its servers: {@code etc/org.audotics.storage.cfg} points at the database, rate limits are off, HTTP listens on
 * a free port. Runs in the test JVM only (from the {@code @Configuration} methods), never inside Karaf.
 */
final class AudoticsContainer {

    private static final String KARAF_VERSION = "4.4.10";
    /** The operator's admin token of the containers, for the few HTTP calls the tests make to create jobs. */
    static final String ADMIN_TOKEN = "container-test-admin-token-0123456789";

    private AudoticsContainer() {
    }

    static Option[] configuration(Option... extra) {
        TestPostgres.Database database = newDatabase();
        String tar = System.getProperty("audotics.distribution.tar", "target/artifacts/audotics.tar.gz");
        String work = System.getProperty("audotics.exam.work", "target/exam");
        Option[] base = {
                karafDistributionConfiguration()
                        .frameworkUrl(new File(tar).toURI().toString())
                        .karafVersion(KARAF_VERSION)
                        .name("Audotics")
                        .unpackDirectory(new File(work))
                        .useDeployFolder(false),
                // the runtime folder (with data/log/karaf.log) stays under target/exam for diagnosis
                keepRuntimeFolder(),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.INFO),
                // what bin/karaf passes on Java 9+: without it the spec locator is missing (STACK.md, "Pax Exam")
                vmOptions(
                        "--add-reads=java.xml=java.logging",
                        "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                        "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar",
                        "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar",
                        "--add-opens", "java.base/java.security=ALL-UNNAMED",
                        "--add-opens", "java.base/java.net=ALL-UNNAMED",
                        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                        "--add-opens", "java.base/java.util=ALL-UNNAMED",
                        "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                        "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                        "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                        "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                        "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                        "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                        "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                        "-Xmx1g"),
                editConfigurationFilePut("etc/org.audotics.storage.cfg", "url", database.url()),
                editConfigurationFilePut("etc/org.audotics.storage.cfg", "user", database.user()),
                editConfigurationFilePut("etc/org.audotics.storage.cfg", "password", database.password()),
                editConfigurationFilePut("etc/org.audotics.ratelimit.cfg", "enabled", "false"),
                editConfigurationFilePut("etc/org.audotics.auth.cfg", "admin.token", ADMIN_TOKEN),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(freePort())),
                // the probe's @Inject waits for the API services while the boot features start
                systemProperty("pax.exam.service.timeout").value("180000"),
                // the probe bundle is installed while the boot features still start bundles one by one (the audotics
                // ones run their migrations on that thread): give Pax Exam's invoker bundle time to come (default 10 s)
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("300000"),
                systemProperty("audotics.example.jar").value(new File(System.getProperty("audotics.example.jar",
                        "target/artifacts/popularity-recommender.jar")).getAbsolutePath())};
        Option[] all = new Option[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    /** A database of its own per container, dropped when the test JVM exits (after Pax Exam stopped Karaf). */
    private static TestPostgres.Database newDatabase() {
        try {
            TestPostgres.Database database = TestPostgres.server().createDatabase("audotics_exam_");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    database.close();
                } catch (SQLException ignored) {
                    // the server is going away with the JVM, or the database was dropped already
                }
            }, "drop-" + database.name()));
            return database;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the container's database", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path examFolder() {
        return Path.of(System.getProperty("audotics.exam.work", "target/exam"));
    }
}
