package org.audotics.catalog.internal.store;

import org.apache.cayenne.CayenneDataObject;
import org.apache.cayenne.exp.property.PropertyFactory;
import org.apache.cayenne.exp.property.StringProperty;

/** A catalog album row. Mapped in {@code catalog.map.xml}. */
public class AlbumEntity extends CayenneDataObject {

    private static final long serialVersionUID = 1L;

    public static final StringProperty<String> ID = PropertyFactory.createString("id", String.class);
    public static final StringProperty<String> EXTERNAL_ID = PropertyFactory.createString("externalId", String.class);

    public String getId() {
        return (String) readProperty("id");
    }

    public void setId(String value) {
        writeProperty("id", value);
    }

    public String getExternalId() {
        return (String) readProperty("externalId");
    }

    public void setExternalId(String value) {
        writeProperty("externalId", value);
    }

    public String getName() {
        return (String) readProperty("name");
    }

    public void setName(String value) {
        writeProperty("name", value);
    }

    public String getReleaseDate() {
        return (String) readProperty("releaseDate");
    }

    public void setReleaseDate(String value) {
        writeProperty("releaseDate", value);
    }

    public String getAlbumType() {
        return (String) readProperty("albumType");
    }

    public void setAlbumType(String value) {
        writeProperty("albumType", value);
    }

    public String getLabel() {
        return (String) readProperty("label");
    }

    public void setLabel(String value) {
        writeProperty("label", value);
    }
}
