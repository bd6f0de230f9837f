package org.audotics.recommender.hybrid.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.audotics.recommender.hybrid.internal.model.FactorFiles;
import org.audotics.recommender.hybrid.internal.model.Factors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Factors written the way Spark MLlib writes them ({@code model.userFactors.write.json(...)}: a directory of
 * {@code part-*} JSON-lines files beside {@code _SUCCESS} and hidden {@code .crc} files, numeric ids) are
 * loaded onto the history's indexes.
 */
class FactorImportTest {

    @TempDir
    Path dir;

    /** What Spark leaves in an output directory, written by hand (the "script" of the test). */
    private void sparkOutput(String name, String... partFiles) throws IOException {
        Path out = Files.createDirectories(dir.resolve(name));
        Files.writeString(out.resolve("_SUCCESS"), "");
        for (int n = 0; n < partFiles.length; n++) {
            String part = String.format("part-%05d-3f1c.json", n);
            Files.writeString(out.resolve(part), partFiles[n]);
            Files.writeString(out.resolve("." + part + ".crc"), "crc");
        }
    }

    @Test
    void loadsSparkFactorsOntoTheHistorysIndexes() throws IOException {
        sparkOutput("userFactors", "{\"id\":7,\"features\":[1.0,0.0]}\n", "{\"id\":9,\"features\":[0.0,1.0]}\n");
        sparkOutput("itemFactors", "{\"id\":100,\"features\":[0.9,0.1]}\n{\"id\":200,\"features\":[0.1,0.9]}\n"
                + "{\"id\":300,\"features\":[-1.0e-1,2.5E-1]}\n");
        InteractionLog log = new InteractionLog();
        log.add("9", "200", 1);
        log.add("7", "100", 1);
        log.add("8", "300", 1);   // user 8 is not in the files
        log.add("7", "400", 1);   // nor track 400
        Factors f = ModelTrainer.imported(dir, log);
        assertEquals(2, f.k());
        int u7 = log.userIndex.get("7");
        int u9 = log.userIndex.get("9");
        int t100 = log.trackIndex.get("100");
        int t200 = log.trackIndex.get("200");
        assertEquals(0.9f, f.score(u7, t100), 1e-6f);
        assertTrue(f.score(u9, t200) > f.score(u9, t100), "user 9 prefers track 200");
        assertEquals(0.25f, f.score(u9, log.trackIndex.get("300")), 1e-6f);
        assertEquals(0f, f.score(log.userIndex.get("8"), t100), "an unknown user has a zero vector");
        assertEquals(0f, f.score(u7, log.trackIndex.get("400")), "an unknown track has a zero vector");
    }

    @Test
    void roundTripsItsOwnWriterAndRefusesBrokenFiles() throws IOException {
        FactorFiles.write(dir.resolve("own"), List.of("a", "b\"q"), new float[] {1, 2, 3, 4.5f}, 2);
        FactorFiles.FactorSet read = FactorFiles.read(dir.resolve("own"));
        assertEquals(List.of("a", "b\"q"), read.ids());
        assertArrayEquals(new float[] {1, 2, 3, 4.5f}, read.vectors());
        sparkOutput("ragged", "{\"id\":1,\"features\":[1.0,2.0]}\n{\"id\":2,\"features\":[1.0]}\n");
        assertThrows(IOException.class, () -> FactorFiles.read(dir.resolve("ragged")));
        sparkOutput("garbage", "not json\n");
        assertThrows(IOException.class, () -> FactorFiles.read(dir.resolve("garbage")));
        sparkOutput("twice", "{\"id\":1,\"features\":[1.0]}\n{\"id\":1,\"features\":[2.0]}\n");
        assertThrows(IOException.class, () -> FactorFiles.read(dir.resolve("twice")));
    }
}
