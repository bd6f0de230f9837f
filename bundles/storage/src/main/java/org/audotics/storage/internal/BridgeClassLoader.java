package org.audotics.storage.internal;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Sees a mapping bundle's classes and resources first (its Cayenne project, entity classes) and Cayenne's
 * own second (its modules, adapters, XML schemas). Cayenne loads both through one context class loader,
 * which no single bundle class loader can serve.
 */
final class BridgeClassLoader extends ClassLoader {

    private final ClassLoader mapping;
    private final ClassLoader library;

    BridgeClassLoader(ClassLoader mapping, ClassLoader library) {
        super(null);
        this.mapping = mapping;
        this.library = library;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        try {
            return mapping.loadClass(name);
        } catch (ClassNotFoundException notInMapping) {
            return library.loadClass(name);
        }
    }

    @Override
    protected URL findResource(String name) {
        URL url = mapping.getResource(name);
        return url != null ? url : library.getResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        Set<URL> urls = new LinkedHashSet<>(Collections.list(mapping.getResources(name)));
        urls.addAll(Collections.list(library.getResources(name)));
        return Collections.enumeration(urls);
    }
}
