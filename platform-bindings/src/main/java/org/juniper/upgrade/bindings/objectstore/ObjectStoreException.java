package org.juniper.upgrade.bindings.objectstore;

/** The object store did not do what was asked; usually passing (network, restart), so callers may retry. */
public class ObjectStoreException extends RuntimeException {
    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
