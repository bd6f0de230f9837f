package org.audotics.storage.internal.testmodel;

import org.apache.cayenne.CayenneDataObject;

/** A minimal mapped entity for storage tests. */
public class Note extends CayenneDataObject {

    private static final long serialVersionUID = 1L;

    public String getId() {
        return (String) readProperty("id");
    }

    public void setId(String id) {
        writeProperty("id", id);
    }

    public String getText() {
        return (String) readProperty("text");
    }

    public void setText(String text) {
        writeProperty("text", text);
    }
}
