package org.audotics.storage.cayenne.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Apache Cayenne object access over the server's one database ({@link org.audotics.storage.api.Database}),
 * for the implementation bundles that map their tables with Cayenne. Provided by the storage bundle with
 * the same lifetime as the database service. Thread-safe.
 */
@ProviderType
public interface ObjectStores {

    /**
     * Opens Cayenne object access for a bundle's mapping.
     *
     * @param owner       a class of the bundle that holds the Cayenne project and its entity classes
     * @param projectPath resource path of the Cayenne project file inside that bundle, e.g.
     *                    {@code "cayenne-catalog.xml"}
     * @return an object store bound to the database; open it once per component
     */
    ObjectStore open(Class<?> owner, String projectPath);
}
