package org.juniper.erp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pack is the ERP as data behind one small API: the engines that run it are the services' (the neutralizer's
 * rule engine included), and the sample-database generator is juniper-sample's. Read from what the build made.
 */
class PackContentsTest {
    private static final String PACKAGE = JuniperPack.class.getPackageName();
    /** The API and what it is made of; a class that is none of these belongs to an engine or to juniper-sample. */
    private static final Set<String> API_CLASSES = Set.of("CustomScripts", "FilestoreExtraction",
            "InvalidScriptsException", "JuniperPack", "ModuleGraph", "NeutralizationRule", "Phase", "ScriptPath",
            "StandardFile", "TransactionControl", "UpgradeScript");

    @Test
    void everyClassOfThePackIsInItsOwnPackageNoneInAnEngineOrGeneratorOne() throws Exception {
        List<String> elsewhere = classesOfThePack().stream()
                .filter(name -> !name.substring(0, name.lastIndexOf('.')).equals(PACKAGE)).toList();

        assertEquals(List.of(), elsewhere);
    }

    @Test
    void everyClassOfThePackIsOneOfItsApiClasses() throws Exception {
        List<String> classes = classesOfThePack();
        List<String> unlisted = classes.stream()
                .filter(name -> !API_CLASSES.contains(name.substring(name.lastIndexOf('.') + 1).split("\\$")[0]))
                .toList();

        assertTrue(classes.contains(JuniperPack.class.getName()), "no pack classes found: " + classes);
        assertEquals(List.of(), unlisted);
    }

    /** The classes the build put in the pack: its main classes folder, which its jar is made of. */
    private static List<String> classesOfThePack() throws IOException, URISyntaxException {
        Path classes = Path.of(JuniperPack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(file -> classes.relativize(file).toString()).filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
    }
}
