package org.juniper.upgrade.neutralizer.service;

/** The pack's rules do not fit the archive, or the written archive does not hold what they require. */
public class NeutralizationException extends RuntimeException {
    public NeutralizationException(String message) {
        super(message);
    }
}
