package org.juniper.upgrade.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The five services, started as processes once per test class and stopped after it, with the contract the tests
 * submit their requests under.
 */
abstract class RunningPlatform {
    static ServiceProcesses services;

    @BeforeAll
    static void startPlatform() throws Exception {
        services = new ServiceProcesses();
        services.startAll();
        new IntakeClient().registerContract("M2026-0042", "acme-hosting");
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        services.close();
    }
}
