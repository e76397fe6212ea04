package org.juniper.upgrade.fuzz;

import java.util.List;

/**
 * What the generator makes of one index: waves of exchanges, each wave's exchanges sent all at once, the waves one
 * after the other. With {@code fresh}, the first wave is a well-formed request creation whose answer's id and secret
 * fill the later exchanges' placeholders, so that pieces sent in parallel race on a request nobody else touches.
 */
record FuzzCase(int index, boolean fresh, List<List<Exchange>> waves) {
    int requests() {
        return waves.stream().mapToInt(List::size).sum();
    }
}
