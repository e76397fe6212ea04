package org.juniper.upgrade.intake.operations.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event a consumer of the platform gave up on, kept where operations look until it is replayed. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** The topic the event was read from, where a replay puts it again. */
    public String topic;
    /** Where the record sits on the dead-letter topic: what makes a redelivered one recognizable. */
    public int part;
    public long record;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "event_type")
    public String eventType;
    /** Why the consumer gave up, as it said. */
    public String reason;
    /** The record's headers as a JSON object (the CloudEvents attributes among them). */
    public String headers;
    public String payload;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "replayed_at")
    public Instant replayedAt;
}
