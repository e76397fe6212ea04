package org.juniper.upgrade.report.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.juniper.erp.JuniperPack;

/** The Juniper ERP pack, the same the worker and the neutralizer run: loaded once, read-only. */
public class PackProducer {
    @Produces
    @Singleton
    JuniperPack pack() {
        return JuniperPack.load();
    }
}
