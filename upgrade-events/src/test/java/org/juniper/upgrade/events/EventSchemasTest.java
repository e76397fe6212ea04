package org.juniper.upgrade.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventSchemasTest {
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void theDataOfEveryEventTypeMatchesItsPublishedSchema() throws IOException {
        for (EventData data : SampleEvents.oneOfEach()) {
            JsonSchema schema = schemaOf(EventType.of(data));
            JsonNode json = CloudEvents.json().readTree(CloudEvents.toJson(data));

            Set<ValidationMessage> errors = schema.validate(json);

            assertTrue(errors.isEmpty(), EventType.of(data) + ": " + errors);
        }
    }

    @Test
    void schemasRejectDataMissingTheRequestId() throws IOException {
        JsonSchema schema = schemaOf(EventType.FAILED);
        JsonNode json = CloudEvents.json().readTree("{\"stage\":\"restore\",\"reason\":\"RESTORE:FAILED\"}");

        assertFalse(schema.validate(json).isEmpty());
    }

    @Test
    void aRequestWithoutScriptsCarriesNoScriptsFieldAndTheSchemaTakesOnlyTheRequestsScriptsKey() throws IOException {
        JsonSchema schema = schemaOf(EventType.REQUESTED);
        UpgradeRequested with = SampleEvents.withScripts();
        UpgradeRequested without = new UpgradeRequested(with.requestId(), with.database(), with.sourceVersion(),
                with.targetVersion(), with.purpose(), with.priority(), with.requesterEmail(), with.backup(),
                with.backupFormat(), with.requestedAt(), null, null, with.attempt());

        assertFalse(CloudEvents.toJson(without).contains("scripts"), CloudEvents.toJson(without));
        assertTrue(CloudEvents.toJson(with).contains("\"scripts\":{\"key\":\"requests/" + SampleEvents.ID
                + "/custom-scripts.zip\""), CloudEvents.toJson(with));
        JsonNode elsewhere = CloudEvents.json().readTree(CloudEvents.toJson(with).replace("custom-scripts.zip",
                "upgraded.zip"));
        assertFalse(schema.validate(elsewhere).isEmpty(), "scripts are only ever the request's custom-scripts.zip");
    }

    @Test
    void theAsyncApiDocumentNamesEveryTopicAndType() throws IOException {
        String asyncApi;
        try (InputStream in = getClass().getResourceAsStream("/juniper-events/asyncapi.yaml")) {
            assertNotNull(in);
            asyncApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (EventType type : EventType.values()) {
            assertTrue(asyncApi.contains("address: " + type.topic()), type.topic());
            assertTrue(asyncApi.contains("name: " + type.type()), type.type());
        }
        assertTrue(asyncApi.contains("address: " + Topics.REQUESTED_PRIORITY), "the production lane");
        assertEquals(EventType.values().length + 2, Topics.ALL.size(),
                "every type has a topic, requests a second lane, plus dead letters");
    }

    private JsonSchema schemaOf(EventType type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(type.schemaResource())) {
            assertNotNull(in, type.schemaResource());
            return factory.getSchema(in);
        }
    }
}
