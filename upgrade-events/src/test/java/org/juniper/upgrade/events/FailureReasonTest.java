package org.juniper.upgrade.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class FailureReasonTest {

    @Test
    void theSchemasOfBothFailureEventsListExactlyTheReasonsOfTheType() throws IOException {
        Set<String> codes = Arrays.stream(FailureReason.values()).map(FailureReason::code)
                .collect(Collectors.toCollection(TreeSet::new));
        for (EventType type : new EventType[] {EventType.FAILED, EventType.REQUEST_FAILED}) {
            assertEquals(codes, schemaCodes(type), type.schemaResource());
        }
    }

    @Test
    void everyReasonHasAPlainHeadlineAndAWayToTryAgain() {
        for (FailureReason reason : FailureReason.values()) {
            assertFalse(reason.explanation().headline().isBlank(), reason.code());
            assertFalse(reason.explanation().retry().isBlank(), reason.code());
            assertEquals(Optional.of(reason), FailureReason.ofCode(reason.code()));
        }
    }

    @Test
    void theAreaOfTheReasonSaysWhatHappenedInPlainWords() {
        assertEquals("Your backup could not be used.", FailureReason.explain("BACKUP:PATH_ESCAPE").headline());
        assertEquals("Your backup could not be restored into a database.",
                FailureReason.explain("RESTORE:FAILED").headline());
        assertEquals("An upgrade script failed on the data of your database.",
                FailureReason.explain("UPGRADE:SCRIPT_FAILED").headline());
        assertEquals("This upgrade path is not available.", FailureReason.explain("SOURCE:UNKNOWN").headline());
    }

    @Test
    void aFileLostOnThePlatformsSideAsksForNothingButANewRequest() {
        for (FailureReason reason : new FailureReason[] {FailureReason.ARTIFACT_MISSING, FailureReason.DUMP_FAILED}) {
            assertTrue(reason.explanation().retry().startsWith("Nothing needs fixing on your side"), reason.code());
            assertTrue(reason.platformFault(), reason.code());
        }
    }

    @Test
    void aPlatformFaultSaysTheFaultIsOursAndThatOperationsWereAlerted() {
        FailureReason.Explanation explanation = FailureReason.PLATFORM_OBJECT_STORE.explanation();
        assertTrue(explanation.headline().contains("fault on our side"), explanation.headline());
        assertTrue(explanation.retry().contains("operations team was alerted"), explanation.retry());
        assertEquals(explanation, FailureReason.PLATFORM_STALLED.explanation());
        assertTrue(FailureReason.PLATFORM_STALLED.platformFault());
        assertTrue(FailureReason.RUN_DEADLINE.platformFault(), "a run's budget is the platform's");
        assertFalse(FailureReason.BACKUP_UNSAFE_DUMP.platformFault());
        assertFalse(FailureReason.SCRIPTS_INVALID.platformFault());
    }

    @Test
    void anUnknownOrMissingCodeFromTheWireStillGetsAnExplanation() {
        assertEquals(Optional.empty(), FailureReason.ofCode("SOMETHING:NEW"));
        assertEquals("The upgrade stopped.", FailureReason.explain("SOMETHING:NEW").headline());
        assertEquals("The upgrade stopped.", FailureReason.explain(null).headline());
    }

    private static Set<String> schemaCodes(EventType type) throws IOException {
        try (InputStream in = FailureReasonTest.class.getResourceAsStream(type.schemaResource())) {
            assertNotNull(in, type.schemaResource());
            JsonNode listed = CloudEvents.json().readTree(in).path("properties").path("reason").path("enum");
            return StreamSupport.stream(listed.spliterator(), false).map(JsonNode::asText)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
