package org.audotics.search.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the search index, PID {@value #PID} ({@code etc/org.audotics.search.cfg}). */
@ObjectClassDefinition(name = "Audotics search", description = "Where the Lucene search index lives and how it follows the catalog")
public @interface SearchConfig {

    String PID = "org.audotics.search";

    @AttributeDefinition(name = "Index folder", description = "Folder of the Lucene index; a relative path is resolved against karaf.base (the server's folder). Rebuilt from the catalog when missing")
    String index_path() default "data/audotics/search";

    @AttributeDefinition(name = "Revision poll (s)", description = "How often the catalog revision is compared with the revision the change events reached (one small query); a write whose events did not come within the gap grace rebuilds the index")
    int revision_poll_seconds() default 1;

    @AttributeDefinition(name = "Gap grace (s)", description = "How long the catalog revision may stay ahead of the change events before the index is rebuilt: long enough for an event in flight from another node, short enough that a lost one is soon caught")
    int gap_grace_seconds() default 3;

    @AttributeDefinition(name = "Coalescing (ms)", description = "How long catalog change events (of every node) are collected before the changed tracks, artists and albums are re-indexed together")
    int coalescing_millis() default 200;
}
