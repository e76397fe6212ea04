package org.juniper.upgrade.cli;

import java.nio.file.Path;
import org.juniper.upgrade.archive.psql.PgTools;
import picocli.CommandLine.Option;

/** Where the local tools, filestores and the CLI's own files are. */
final class LocalOptions {
    @Option(names = "--pg-bin", paramLabel = "DIR",
            description = "Folder of psql, pg_dump and pg_restore (default: found on the PATH). The server is chosen "
                    + "as for psql: PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass.")
    Path pgBin;

    @Option(names = "--filestore-root", paramLabel = "DIR",
            description = "Where the ERP keeps its filestores, one folder per database (default: "
                    + "$XDG_DATA_HOME/Juniper/filestore, that is ~/.local/share/Juniper/filestore).")
    Path filestoreRoot;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the CLI keeps the tokens of requests under way, backups being uploaded and "
                    + "downloads being restored (default: $XDG_DATA_HOME/juniper-upgrade, that is "
                    + "~/.local/share/juniper-upgrade).")
    Path dataDir;

    LocalPostgres postgres() {
        return new LocalPostgres(new PgTools(pgBin));
    }

    Filestore filestore() {
        return new Filestore(filestoreRoot != null ? filestoreRoot : dataHome().resolve("Juniper").resolve(
                "filestore"));
    }

    StateStore state() {
        return new StateStore(dataDir != null ? dataDir : dataHome().resolve("juniper-upgrade"));
    }

    /** $XDG_DATA_HOME, or ~/.local/share when it is not set (the XDG base directory rule). */
    private static Path dataHome() {
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return Path.of(System.getProperty("user.home"), ".local", "share");
    }
}
