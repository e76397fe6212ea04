package org.juniper.upgrade.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.juniper.upgrade.archive.Sha256;
import org.juniper.upgrade.client.IntakeClient;
import org.juniper.upgrade.client.IntakeRefusal;
import org.juniper.upgrade.client.RequestStatus;
import org.juniper.upgrade.client.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resumable upload protocol as intake speaks it: offsets, whole parts, the checksum on the last piece. */
class ResumableUploadTest {
    private FakeIntake intake;
    private IntakeClient client;
    private final StringWriter said = new StringWriter();
    private final Ui ui = new Ui(new PrintWriter(said, true), new PrintWriter(said, true), null);
    @TempDir
    Path work;

    @BeforeEach
    void setUp() throws Exception {
        intake = new FakeIntake();
        client = new IntakeClient(intake.url());
    }

    @AfterEach
    void tearDown() {
        intake.close();
    }

    @Test
    void aDroppedConnectionContinuesFromWhereThePlatformIs() throws Exception {
        Path backup = Backups.valid(work, "acme", 10 * intake.partSize());
        byte[] bytes = Files.readAllBytes(backup);
        intake.dropConnectionAfter(2L * intake.partSize());
        Token token = created();

        RequestStatus checked = new Uploader(client, ui).upload(token, backup, bytes.length, Sha256.hex(bytes));

        assertEquals(Sha256.hex(bytes), checked.backup().sha256());
        assertEquals(bytes.length, checked.backup().size());
        assertEquals(List.of(0L, 2L * intake.partSize()), intake.patchOffsets,
                "after the drop, the upload asked where to continue and sent only the rest");
        assertArrayEquals(bytes, intake.requests().get(0).stored.toByteArray());
        assertTrue(said.toString().contains("the upload was interrupted"), said.toString());
        assertTrue(said.toString().contains("The platform already has 128.0 KiB of the backup"), said.toString());
    }

    @Test
    void theLastPieceCarriesTheChecksumThePlatformChecks() throws Exception {
        Path backup = Backups.valid(work, "acme", 3 * intake.partSize());
        Token token = created();

        IntakeRefusal refusal = assertThrows(IntakeRefusal.class, () -> new Uploader(client, ui).upload(token,
                backup, Files.size(backup), "0".repeat(64)));

        assertEquals(422, refusal.status());
        assertTrue(refusal.has("BACKUP:CHECKSUM_MISMATCH"), refusal.getMessage());
        assertEquals(Exit.REFUSED, Exit.of(refusal));
    }

    private Token created() {
        IntakeClient.Created created = client.create(new IntakeClient.NewRequest(FakeIntake.CONTRACT,
                "it@acme.example", "acme", "17.0", null, "test"));
        return created.token();
    }
}
