package org.audotics.catalog.internal.store;

import org.apache.cayenne.CayenneDataObject;
import org.apache.cayenne.exp.property.NumericProperty;
import org.apache.cayenne.exp.property.PropertyFactory;
import org.apache.cayenne.exp.property.StringProperty;

/** A catalog track row, audio features included (all null when none are known). Mapped in {@code catalog.map.xml}. */
public class TrackEntity extends CayenneDataObject {

    private static final long serialVersionUID = 1L;

    public static final StringProperty<String> ID = PropertyFactory.createString("id", String.class);
    public static final StringProperty<String> EXTERNAL_ID = PropertyFactory.createString("externalId", String.class);
    public static final StringProperty<String> ALBUM_ID = PropertyFactory.createString("albumId", String.class);
    public static final NumericProperty<Integer> POPULARITY = PropertyFactory.createNumeric("popularity", Integer.class);
    public static final NumericProperty<Integer> DISC_NUMBER = PropertyFactory.createNumeric("discNumber", Integer.class);
    public static final NumericProperty<Integer> TRACK_NUMBER = PropertyFactory.createNumeric("trackNumber", Integer.class);
    public static final NumericProperty<Double> ACOUSTICNESS = PropertyFactory.createNumeric("acousticness", Double.class);

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

    public String getAlbumId() {
        return (String) readProperty("albumId");
    }

    public void setAlbumId(String value) {
        writeProperty("albumId", value);
    }

    public Integer getDurationMs() {
        return (Integer) readProperty("durationMs");
    }

    public void setDurationMs(Integer value) {
        writeProperty("durationMs", value);
    }

    public Integer getPopularity() {
        return (Integer) readProperty("popularity");
    }

    public void setPopularity(Integer value) {
        writeProperty("popularity", value);
    }

    public Boolean getExplicit() {
        return (Boolean) readProperty("explicit");
    }

    public void setExplicit(Boolean value) {
        writeProperty("explicit", value);
    }

    public Integer getTrackNumber() {
        return (Integer) readProperty("trackNumber");
    }

    public void setTrackNumber(Integer value) {
        writeProperty("trackNumber", value);
    }

    public Integer getDiscNumber() {
        return (Integer) readProperty("discNumber");
    }

    public void setDiscNumber(Integer value) {
        writeProperty("discNumber", value);
    }

    public Double getAcousticness() {
        return (Double) readProperty("acousticness");
    }

    public void setAcousticness(Double value) {
        writeProperty("acousticness", value);
    }

    public Double getDanceability() {
        return (Double) readProperty("danceability");
    }

    public void setDanceability(Double value) {
        writeProperty("danceability", value);
    }

    public Double getEnergy() {
        return (Double) readProperty("energy");
    }

    public void setEnergy(Double value) {
        writeProperty("energy", value);
    }

    public Double getInstrumentalness() {
        return (Double) readProperty("instrumentalness");
    }

    public void setInstrumentalness(Double value) {
        writeProperty("instrumentalness", value);
    }

    public Integer getMusicKey() {
        return (Integer) readProperty("musicKey");
    }

    public void setMusicKey(Integer value) {
        writeProperty("musicKey", value);
    }

    public Double getLiveness() {
        return (Double) readProperty("liveness");
    }

    public void setLiveness(Double value) {
        writeProperty("liveness", value);
    }

    public Double getLoudness() {
        return (Double) readProperty("loudness");
    }

    public void setLoudness(Double value) {
        writeProperty("loudness", value);
    }

    public Integer getMode() {
        return (Integer) readProperty("mode");
    }

    public void setMode(Integer value) {
        writeProperty("mode", value);
    }

    public Double getSpeechiness() {
        return (Double) readProperty("speechiness");
    }

    public void setSpeechiness(Double value) {
        writeProperty("speechiness", value);
    }

    public Double getTempo() {
        return (Double) readProperty("tempo");
    }

    public void setTempo(Double value) {
        writeProperty("tempo", value);
    }

    public Integer getTimeSignature() {
        return (Integer) readProperty("timeSignature");
    }

    public void setTimeSignature(Integer value) {
        writeProperty("timeSignature", value);
    }

    public Double getValence() {
        return (Double) readProperty("valence");
    }

    public void setValence(Double value) {
        writeProperty("valence", value);
    }
}
