package org.juniper.upgrade.cli;

import java.net.URI;
import org.juniper.upgrade.client.IntakeClient;
import picocli.CommandLine.Option;

/** Where the platform is: every command talks to its intake service. */
final class PlatformOptions {
    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:JUNIPER_UPGRADE_URL:-http://127.0.0.1:15401}",
            description = "The platform's intake service (default: ${DEFAULT-VALUE}, from JUNIPER_UPGRADE_URL when "
                    + "set, as the launcher does).")
    URI url;

    IntakeClient intake() {
        return new IntakeClient(url);
    }
}
