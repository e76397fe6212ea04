package org.juniper.upgrade.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MailSenderTest {

    @Test
    void theWaitBetweenAttemptsDoublesUpToItsCeilingAndStaysThere() {
        List<Duration> waits = IntStream.rangeClosed(1, 9).mapToObj(attempts -> MailSender.backoff(attempts,
                Duration.ofSeconds(10), Duration.ofMinutes(15))).toList();

        assertEquals(List.of(10L, 20L, 40L, 80L, 160L, 320L, 640L, 900L, 900L),
                waits.stream().map(Duration::toSeconds).toList());
    }
}
