package org.juniper.upgrade.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The five services, started as processes once for all the test classes of a run and stopped when it ends, with the
 * contract the tests submit their requests under. A test that kills, freezes or adds an instance puts the five back
 * as it found them; after each class, whatever a failed test left otherwise is put back too, so that the next class
 * meets the platform as the operator runs it. The services export their traces to a collector of the tests' own.
 */
abstract class RunningPlatform {
    static ServiceProcesses services;
    static TraceReceiver traces;

    @BeforeAll
    static synchronized void startPlatform() throws Exception {
        if (services != null) {
            return;
        }
        TraceReceiver receiver = new TraceReceiver();
        ServiceProcesses started = new ServiceProcesses(receiver.endpoint());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.close();
                receiver.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-services"));
        try {
            started.startAll();
            TestInstance.intake().registerContract(Operations.TOKEN, TestInstance.CONTRACT, "acme-hosting");
        } catch (Exception | AssertionError e) {
            // the next class starts them afresh, on ports these must not hold
            started.close();
            receiver.close();
            throw e;
        }
        services = started;
        traces = receiver;
    }

    @AfterAll
    static void restorePlatform() throws Exception {
        if (services != null) {
            services.restoreStandardSet();
        }
    }
}
