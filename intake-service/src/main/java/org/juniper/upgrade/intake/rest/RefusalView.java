package org.juniper.upgrade.intake.rest;

import java.util.List;
import org.juniper.upgrade.intake.service.Failure;

/** Every refusal lists all that is wrong, each with a stable reason code and what would be accepted. */
public record RefusalView(List<Failure> failures) {
}
