package org.juniper.upgrade.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.juniper.upgrade.bindings.links.DownloadLinks;

/** The links a mail carries, read back as intake reads them. */
public final class MailLinks {
    private MailLinks() {
    }

    /** The download link in {@code text} (the report's when {@code report}), checked to open only this attempt. */
    public static String link(String text, String intakeUrl, boolean report, DownloadLinks links, String requestId,
            String attempt) {
        Matcher m = Pattern.compile(Pattern.quote(intakeUrl + "/links/") + "([A-Za-z0-9._-]++)"
                + (report ? "/report" : "(?!/report)")).matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + (report ? "report" : "download") + " link in: " + text);
        }
        DownloadLinks.Grant grant = links.verify(m.group(1)).orElseThrow(() -> new AssertionError("the link "
                + m.group() + " does not verify"));
        assertEquals(UUID.fromString(requestId), grant.requestId(), "the link opens this request");
        assertEquals(UUID.fromString(attempt), grant.attempt(), "the link opens this attempt only");
        return m.group();
    }
}
