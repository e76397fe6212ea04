import java.nio.file.Files;
import java.nio.file.Path;
import org.juniper.erp.JuniperPack;
import org.juniper.erp.UpgradeScript;

/**
 * Writes the scripts of each hop, in the order the worker runs them, to {@code <out>/<version>.sql}, so that psql
 * can run the same upgrade by hand. Run with the pack on the class path:
 * {@code java -cp juniper-sample.jar HopScripts.java 14.0 17.0 out}.
 */
public class HopScripts {
    public static void main(String[] args) throws Exception {
        JuniperPack pack = JuniperPack.load();
        String from = args[0];
        Path out = Files.createDirectories(Path.of(args[2]));
        for (String version : pack.hops(from, args[1])) {
            StringBuilder sql = new StringBuilder("SELECT set_config('juniper.version', '" + version + "', true);\n");
            for (UpgradeScript script : pack.upgradeScripts(version, pack.modules(from))) {
                sql.append(script.sql()).append("\n;\n");
            }
            Files.writeString(out.resolve(version + ".sql"), sql);
        }
    }
}
