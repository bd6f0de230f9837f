package org.audotics.search.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the search index, PID {@value #PID} ({@code etc/org.audotics.search.cfg}). */
@ObjectClassDefinition(name = "Audotics search", description = "Where the Lucene search index lives and how it follows the catalog")
public @interface SearchConfig {

    String PID = "org.audotics.search";

    @AttributeDefinition(name = "Index folder", description = "Folder of the Lucene index; a relative path is resolved against karaf.base (the server's folder). Rebuilt from the catalog when missing")
    String index_path() default "data/audotics/search";

    @AttributeDefinition(name = "Revision poll (s)", description = "How often the catalog revision is compared with the index's (one small query); a difference, e.g. an import on another node, rebuilds the index")
    int revision_poll_seconds() default 30;

    @AttributeDefinition(name = "Coalescing (ms)", description = "How long catalog change events on this node are collected before the changed tracks are re-indexed together")
    int coalescing_millis() default 200;
}
