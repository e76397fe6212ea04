package org.juniper.upgrade.intake;

import static org.juniper.upgrade.intake.Intake.registerContract;

import org.eclipse.microprofile.config.ConfigProvider;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test that plays the platform's other parts on Kafka: it publishes their events to intake and reads what intake
 * publishes. Each test starts with the contract its requests name registered.
 */
public abstract class PlaysTheParts {
    protected String bootstrapServers;
    protected PlatformEvents platform;

    @BeforeEach
    void connect() {
        bootstrapServers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        platform = new PlatformEvents(bootstrapServers);
        registerContract("M2026-0042", "acme-hosting");
    }

    @AfterEach
    void disconnect() {
        platform.close();
    }
}
