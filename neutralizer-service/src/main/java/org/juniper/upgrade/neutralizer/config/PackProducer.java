package org.juniper.upgrade.neutralizer.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.juniper.erp.JuniperPack;

/** The Juniper ERP pack this service runs: loaded once, read-only. */
public class PackProducer {
    @Produces
    @Singleton
    JuniperPack pack() {
        return JuniperPack.load();
    }
}
