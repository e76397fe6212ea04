package org.juniper.upgrade.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureExplanationTest {

    @Test
    void theAreaOfTheReasonCodeSaysWhatHappenedInPlainWords() {
        assertEquals("Your backup could not be used.", FailureExplanation.of("BACKUP:PATH_ESCAPE").headline());
        assertEquals("Your backup could not be restored into a database.",
                FailureExplanation.of("RESTORE:FAILED").headline());
        assertEquals("An upgrade script failed on the data of your database.",
                FailureExplanation.of("UPGRADE:SCRIPT_FAILED").headline());
        assertEquals("This upgrade path is not available.", FailureExplanation.of("SOURCE:INVALID").headline());
    }

    @Test
    void aFailureOnThePlatformsSideAsksForNothingButANewRequest() {
        for (String code : new String[] {"ARTIFACT:MISSING", "STORAGE:UNAVAILABLE", "DUMP:FAILED"}) {
            assertTrue(FailureExplanation.of(code).retry().startsWith("Nothing needs fixing on your side"), code);
        }
    }

    @Test
    void aPlatformFaultSaysTheFaultIsOursAndThatOperationsWereAlerted() {
        FailureExplanation explanation = FailureExplanation.of("PLATFORM:OBJECT_STORE");
        assertTrue(explanation.headline().contains("fault on our side"), explanation.headline());
        assertTrue(explanation.retry().contains("operations team was alerted"), explanation.retry());
        assertEquals(explanation, FailureExplanation.of("PLATFORM:STALLED"));
    }

    @Test
    void anUnknownOrMissingCodeStillGetsAnExplanation() {
        assertEquals("The upgrade stopped.", FailureExplanation.of("SOMETHING:NEW").headline());
        assertEquals("The upgrade stopped.", FailureExplanation.of(null).headline());
    }
}
