package org.audotics.apidocs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.audotics.apidocs.build.OpenApiBuild;

/** Calls the build step on given inputs, with no live routes. */
final class OpenApiBuildAccess {

    private OpenApiBuildAccess() {
    }

    static ObjectNode build(ObjectNode scan, ObjectNode overlay) {
        return OpenApiBuild.build(scan, overlay, List.of(), Set.of());
    }
}
