package org.juniper.upgrade.bindings.objectstore;

/** An event names an object that is not in the store: retrying will not make it appear. */
public class MissingArtifactException extends RuntimeException {
    public MissingArtifactException(String key) {
        super("the object " + key + " is not in the store");
    }
}
