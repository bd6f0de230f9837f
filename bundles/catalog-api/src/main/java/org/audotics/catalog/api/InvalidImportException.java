package org.audotics.catalog.api;

/**
 * An import batch was refused as a whole because one of its tracks cannot be imported; nothing of the
 * batch was written.
 */
public class InvalidImportException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int index;
    private final String field;

    /**
     * @param index   0-based position of the offending track in the batch
     * @param field   the offending field, as in {@link InvalidFieldException#field()}
     * @param message what is wrong
     */
    public InvalidImportException(int index, String field, String message) {
        super(message);
        this.index = index;
        this.field = field;
    }

    public int index() {
        return index;
    }

    public String field() {
        return field;
    }
}
