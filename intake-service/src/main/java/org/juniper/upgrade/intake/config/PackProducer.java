package org.juniper.upgrade.intake.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.juniper.erp.JuniperPack;

/** The Juniper ERP pack, for its versions and the parser of the requester's own scripts: loaded once, read-only. */
public class PackProducer {
    @Produces
    @Singleton
    JuniperPack pack() {
        return JuniperPack.load();
    }
}
