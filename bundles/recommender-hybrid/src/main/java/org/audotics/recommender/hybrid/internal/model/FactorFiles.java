package org.audotics.recommender.hybrid.internal.model;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Factor files a model trained elsewhere is loaded from: the JSON lines that Spark MLlib writes with
 * {@code alsModel.userFactors.write.json(dir + "/userFactors")} and {@code alsModel.itemFactors.write.json(dir +
 * "/itemFactors")}: one object per line, {@code {"id": 12, "features": [0.1, -0.3, ...]}}, in any number of
 * {@code part-*} files (or one {@code .json} file). Ids may be numbers or strings; they are matched as text
 * against Audotics' user and track ids. Every vector of a set must have the same length, and both sets the same.
 * Documented in docs/recommender.md ("Model files").
 */
public final class FactorFiles {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(-?\\d+))");
    private static final Pattern FEATURES = Pattern.compile("\"features\"\\s*:\\s*\\[([^\\]]*)\\]");

    private FactorFiles() {
    }

    /** Ids in file order and their vectors. */
    public record FactorSet(List<String> ids, float[] vectors, int k) {
    }

    /** Reads a Spark {@code userFactors} or {@code itemFactors} directory (or one file). */
    public static FactorSet read(Path dirOrFile) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dirOrFile)) {
            try (Stream<Path> list = Files.list(dirOrFile)) {
                list.filter(p -> {
                    String name = p.getFileName().toString();
                    return !name.startsWith(".") && !name.startsWith("_") && Files.isRegularFile(p);
                }).sorted().forEach(files::add);
            }
        } else {
            files.add(dirOrFile);
        }
        Map<String, float[]> vectors = new LinkedHashMap<>();
        int k = -1;
        for (Path file : files) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = in.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    Matcher id = ID.matcher(line);
                    Matcher features = FEATURES.matcher(line);
                    if (!id.find() || !features.find()) {
                        throw new IOException(file + ":" + number + ": not a factor line {\"id\": ..., \"features\": [...]}");
                    }
                    String key = id.group(1) != null ? id.group(1).replaceAll("\\\\(.)", "$1") : id.group(2);
                    String[] parts = features.group(1).split(",");
                    float[] v = new float[parts.length];
                    try {
                        for (int f = 0; f < parts.length; f++) {
                            v[f] = Float.parseFloat(parts[f].strip());
                        }
                    } catch (NumberFormatException e) {
                        throw new IOException(file + ":" + number + ": a feature is not a number");
                    }
                    if (k == -1) {
                        k = v.length;
                    } else if (v.length != k) {
                        throw new IOException(file + ":" + number + ": " + v.length + " features, earlier lines have " + k);
                    }
                    if (vectors.put(key, v) != null) {
                        throw new IOException(file + ":" + number + ": id " + key + " appears twice");
                    }
                }
            }
        }
        if (k < 1) {
            throw new IOException("no factors in " + dirOrFile);
        }
        float[] flat = new float[vectors.size() * k];
        int at = 0;
        for (float[] v : vectors.values()) {
            System.arraycopy(v, 0, flat, at, k);
            at += k;
        }
        return new FactorSet(List.copyOf(vectors.keySet()), flat, k);
    }

    /** Writes a factor set in the same format (one file {@code part-00000.json} in {@code dir}). */
    public static void write(Path dir, List<String> ids, float[] vectors, int k) throws IOException {
        Files.createDirectories(dir);
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("part-00000.json"), StandardCharsets.UTF_8)) {
            for (int r = 0; r < ids.size(); r++) {
                StringBuilder line = new StringBuilder("{\"id\":\"").append(ids.get(r).replace("\\", "\\\\").replace("\"", "\\\""))
                        .append("\",\"features\":[");
                for (int f = 0; f < k; f++) {
                    line.append(f == 0 ? "" : ",").append(String.format(Locale.ROOT, "%s", vectors[r * k + f]));
                }
                out.write(line.append("]}\n").toString());
            }
        }
    }
}
