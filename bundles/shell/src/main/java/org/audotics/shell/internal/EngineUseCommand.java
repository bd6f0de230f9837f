package org.audotics.shell.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.regex.Pattern;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.audotics.recommendation.api.NoEngineException;
import org.audotics.recommendation.api.RecommendationService;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * {@code audotics:engine-use NAME}: makes the recommendation service use the engine named NAME, by writing
 * {@code recommender.target = (recommender.name=NAME)} to its configuration through Config Admin (Karaf keeps it in
 * {@code etc/org.audotics.recommendation.cfg}); the service rebinds without a restart. {@code audotics:engine-use
 * default} writes {@code (recommender.name=*)} back: the highest-ranked engine answers.
 */
@Service
@Command(scope = "audotics", name = "engine-use", description = "Answer with the engine NAME (writes recommender.target); 'default': the highest ranked")
public final class EngineUseCommand implements Action {

    /** An engine name as engines register it; nothing of LDAP filter syntax. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final String DEFAULT = "default";
    private static final long SWITCH_WAIT_MS = 10_000;

    @Argument(index = 0, name = "name", description = "The engine's name (see audotics:engines), or 'default'", required = true)
    String name;

    @Option(name = "--force", description = "Write the target even when no engine of that name is registered now (it binds when one comes)")
    boolean force;

    @Reference
    BundleContext context;

    @Reference
    RecommendationService recommendations;

    @Reference
    ConfigurationAdmin configurations;

    @Override
    public Object execute() throws Exception {
        boolean reset = DEFAULT.equals(name);
        if (!reset && !NAME.matcher(name).matches()) {
            System.err.println("Cannot use engine: '" + name + "' is no engine name (letters, digits, '.', '_', '-')");
            return null;
        }
        if (!reset && !force && Engines.registered(context).stream().noneMatch(engine -> engine.name().equals(name))) {
            System.err.println("Cannot use engine: no engine named '" + name + "' is registered (audotics:engines lists them; --force writes it anyway)");
            return null;
        }
        String target = reset ? Engines.ANY : Engines.targetFor(name);
        Configuration configuration = configurations.getConfiguration(Engines.PID, "?");
        Dictionary<String, Object> properties = configuration.getProperties();
        Dictionary<String, Object> changed = new Hashtable<>();
        if (properties != null) {
            for (var keys = properties.keys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                changed.put(key, properties.get(key));
            }
        }
        changed.put(Engines.TARGET, target);
        configuration.update(changed);
        System.out.println(Engines.TARGET + " = " + target);
        var engines = Engines.registered(context);
        String active = awaitSwitch(reset ? (engines.isEmpty() ? null : engines.get(0).name()) : name);
        if (active == null) {
            System.out.println("No engine answers yet");
        } else if (reset || active.equals(name)) {
            System.out.println("Engine now: " + active);
        } else {
            System.out.println("Engine still " + active + "; the new target applies when '" + name + "' is registered and ready");
        }
        return null;
    }

    /** Waits briefly until the service uses {@code wanted} (any engine for null); answers the engine in use then. */
    private String awaitSwitch(String wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + SWITCH_WAIT_MS;
        String active = null;
        do {
            try {
                active = recommendations.activeEngine().name();
                if (wanted == null || wanted.equals(active)) {
                    return active;
                }
            } catch (NoEngineException e) {
                active = null;
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        return active;
    }
}
