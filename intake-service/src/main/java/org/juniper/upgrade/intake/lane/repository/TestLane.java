package org.juniper.upgrade.intake.lane.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Whether operations paused the test lane, who and when; the one row of its table. */
@Entity
@Table(name = "test_lane")
public class TestLane {
    public static final short ID = 1;

    @Id
    public short id;
    @Column(name = "paused_by")
    public String pausedBy;
    @Column(name = "paused_at")
    public Instant pausedAt;

    public boolean paused() {
        return pausedAt != null;
    }
}
