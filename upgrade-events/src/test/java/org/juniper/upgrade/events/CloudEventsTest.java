package org.juniper.upgrade.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventsTest {

    @Test
    void everyEventSurvivesTheKafkaBinaryModeRoundTrip() {
        for (EventData data : SampleEvents.oneOfEach()) {
            CloudEvent event = CloudEvents.create("/juniper/test", data);
            Map<String, String> headers = CloudEvents.kafkaHeaders(event);

            CloudEvent read = CloudEvents.fromKafka(headers, event.data());

            assertEquals(event, read);
            assertEquals(data, CloudEvents.data(read, EventType.of(data).dataClass()));
        }
    }

    @Test
    void headersFollowTheCloudEventsKafkaBinding() {
        CloudEvent event = CloudEvents.create("/juniper/intake", SampleEvents.oneOfEach().get(0));
        Map<String, String> headers = CloudEvents.kafkaHeaders(event);

        assertEquals("1.0", headers.get("ce_specversion"));
        assertEquals("juniper.upgrade.requested.v1", headers.get("ce_type"));
        assertEquals(SampleEvents.ID, headers.get("ce_subject"));
        assertEquals("application/json", headers.get("content-type"));
        assertTrue(event.data().contains("\"purpose\":\"test\""), event.data());
    }

    @Test
    void productionRequestsTravelInTheirOwnLane() {
        UpgradeRequested test = (UpgradeRequested) SampleEvents.oneOfEach().get(0);
        UpgradeRequested production = new UpgradeRequested(test.requestId(), test.database(), test.sourceVersion(),
                test.targetVersion(), Purpose.PRODUCTION, 10, test.requesterEmail(), test.backup(),
                test.backupFormat(), test.requestedAt(), null, null, test.attempt());

        assertEquals(Topics.REQUESTED, EventType.topicOf(test));
        assertEquals(Topics.REQUESTED_PRIORITY, EventType.topicOf(production));
        assertEquals(Topics.PROGRESS, EventType.topicOf(SampleEvents.oneOfEach().get(1)));
    }

    @Test
    void eventWithoutIdIsRefusedWithTheMissingHeaderNamed() {
        CloudEvent event = CloudEvents.create("/juniper/test", SampleEvents.oneOfEach().get(1));
        Map<String, String> headers = new HashMap<>(CloudEvents.kafkaHeaders(event));
        headers.remove("ce_id");

        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> CloudEvents.fromKafka(headers, event.data()));
        assertTrue(e.getMessage().contains("ce_id"), e.getMessage());
    }

    @Test
    void unknownTypeAndBrokenDataAreRefused() {
        CloudEvent event = CloudEvents.create("/juniper/test", SampleEvents.oneOfEach().get(1));
        Map<String, String> headers = new HashMap<>(CloudEvents.kafkaHeaders(event));
        headers.put("ce_type", "juniper.upgrade.nonsense.v1");
        assertThrows(MalformedEventException.class, () -> CloudEvents.fromKafka(headers, event.data()));

        CloudEvent broken = new CloudEvent("1", "/x", EventType.PROGRESS.type(), SampleEvents.ID, SampleEvents.AT,
                "{not json");
        assertThrows(MalformedEventException.class, () -> CloudEvents.data(broken, UpgradeProgress.class));
    }

    @Test
    void subjectAndDataMustNameTheSameRequest() {
        CloudEvent event = CloudEvents.create("/juniper/test", SampleEvents.oneOfEach().get(1));
        CloudEvent lying = new CloudEvent(event.id(), event.source(), event.type(), "another-request", event.time(),
                event.data());

        assertThrows(MalformedEventException.class, () -> CloudEvents.data(lying, UpgradeProgress.class));
    }
}
