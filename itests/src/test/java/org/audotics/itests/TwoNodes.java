package org.audotics.itests;

import java.util.Map;
import java.util.UUID;

/**
 * Two servers from the built distribution sharing one fresh PostgreSQL database, one Redis key namespace and
 * one key-encryption secret, as a two-node deployment does; both started at once and awaited until ready and
 * serving {@code /v1}. Closing stops both servers, then drops the database.
 */
final class TwoNodes implements AutoCloseable {

    final TestDatabase database;
    final AudoticsServer one;
    final AudoticsServer two;

    private TwoNodes(TestDatabase database, AudoticsServer one, AudoticsServer two) {
        this.database = database;
        this.one = one;
        this.two = two;
    }

    /** @param name the servers' folders are {@code name-1} and {@code name-2} under target/it-servers */
    static TwoNodes start(String name) throws Exception {
        return start(name, Map.of());
    }

    /** @param extraConfigs more cfg files (name without .cfg to content) for both nodes */
    static TwoNodes start(String name, Map<String, String> extraConfigs) throws Exception {
        TestDatabase database = new TestDatabase();
        AudoticsServer one = null;
        AudoticsServer two = null;
        try {
            String prefix = "audotics-it-" + UUID.randomUUID().toString().substring(0, 8) + ":";
            Map<String, String> configs = new java.util.HashMap<>(extraConfigs);
            configs.putAll(Map.of(
                    "org.audotics.storage", "url = " + database.url + "\nuser = " + TestDatabase.USER + "\npassword = " + TestDatabase.PASSWORD + "\n",
                    "org.audotics.cache", "redis.uri = " + SharedServer.REDIS_URI + "\nkey.prefix = " + prefix + "\n",
                    "org.audotics.auth", "admin.token = " + AudoticsServer.ADMIN_TOKEN + "\ntoken.key.encryption.secret = " + name + "-it-"
                            + UUID.randomUUID() + "\n"));
            one = AudoticsServer.startWithoutWaiting(name + "-1", configs);
            two = AudoticsServer.startWithoutWaiting(name + "-2", configs);
            for (AudoticsServer node : new AudoticsServer[] {one, two}) {
                node.awaitStatus("/health/ready", 200, AudoticsServer.START_TIMEOUT);
                node.awaitRestApplication();
            }
            return new TwoNodes(database, one, two);
        } catch (Exception | AssertionError failed) {
            new TwoNodes(database, one, two).close();
            throw failed;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            for (AudoticsServer node : new AudoticsServer[] {one, two}) {
                if (node != null) {
                    node.close();
                }
            }
        } finally {
            database.close();
        }
    }
}
