package org.audotics.search.internal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.codecs.Codec;
import org.junit.jupiter.api.Test;

/**
 * Both Lucene jars embedded in the bundle ship {@code META-INF/services} files of the same names: the
 * bundle carries them merged (src/main/resources). In the bundle only those files exist, so every service of
 * either jar must be listed there, or an analyzer or codec silently goes missing in Karaf.
 */
class LuceneServiceFilesTest {

    private static final Path MERGED = Path.of("src/main/resources/META-INF/services");

    @Test
    void mergedServiceFilesListEveryServiceOfBothJars() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(MERGED)) {
            files = listed.toList();
        }
        Set<String> jarServices = new TreeSet<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/services/org.apache.lucene.codecs.Codec"))) {
            jarServices.add(url.toString());
        }
        assertTrue(jarServices.size() >= 2, "the jars and the merged copy: " + jarServices);
        int jarFiles = 0;
        for (String service : List.of("org.apache.lucene.analysis.TokenizerFactory", "org.apache.lucene.analysis.TokenFilterFactory",
                "org.apache.lucene.analysis.CharFilterFactory", "org.apache.lucene.codecs.Codec", "org.apache.lucene.codecs.PostingsFormat",
                "org.apache.lucene.codecs.DocValuesFormat", "org.apache.lucene.codecs.KnnVectorsFormat", "org.apache.lucene.index.SortFieldProvider")) {
            Set<String> merged = entries(Files.readString(MERGED.resolve(service)));
            Set<String> fromJars = new TreeSet<>();
            for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/services/" + service))) {
                if (url.getProtocol().equals("jar")) {
                    jarFiles++;
                    try (InputStream in = url.openStream()) {
                        fromJars.addAll(entries(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
            assertEquals(fromJars, merged, service);
        }
        assertEquals(9, jarFiles, "lucene-core ships 6 service files, lucene-analysis-common 3 (TokenizerFactory in both)");
        assertEquals(8, files.size());
    }

    @Test
    void analyzersAndCodecUsedLoadThroughTheServiceFiles() {
        assertEquals("StandardTokenizerFactory", TokenizerFactory.lookupClass("standard").getSimpleName());
        assertEquals("LowerCaseFilterFactory", TokenFilterFactory.lookupClass("lowercase").getSimpleName());
        assertEquals("ASCIIFoldingFilterFactory", TokenFilterFactory.lookupClass("asciiFolding").getSimpleName());
        assertEquals("Lucene912", Codec.getDefault().getName());
        SearchAnalyzer.create().close(); // builds the analyzer by SPI names
    }

    private static Set<String> entries(String file) {
        Set<String> entries = new TreeSet<>();
        for (String line : file.split("\n")) {
            String entry = line.replaceAll("#.*", "").strip();
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return entries;
    }
}
