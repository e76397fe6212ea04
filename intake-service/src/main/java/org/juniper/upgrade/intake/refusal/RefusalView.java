package org.juniper.upgrade.intake.refusal;

import java.util.List;

/** Every refusal lists all that is wrong, each with a stable reason code and what would be accepted. */
public record RefusalView(List<Failure> failures) {
}
