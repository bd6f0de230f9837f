package org.audotics.shell.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-text tables and progress bars for the commands' output (no ANSI codes, so it pipes and greps). */
final class Text {

    static final int BAR_WIDTH = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Text() {
    }

    /** {@code [#######             ]  35%}, or {@code [         ?          ]    ?} for an unknown share (-1). */
    static String bar(double share) {
        if (share < 0) {
            String unknown = " ".repeat(BAR_WIDTH / 2 - 1) + "?" + " ".repeat(BAR_WIDTH - BAR_WIDTH / 2);
            return "[" + unknown + "]    ?";
        }
        double clamped = Math.max(0, Math.min(1, share));
        int filled = (int) Math.round(clamped * BAR_WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3d%%", "#".repeat(filled), " ".repeat(BAR_WIDTH - filled), Math.round(clamped * 100));
    }

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    static String age(Instant since, Instant now) {
        if (since == null) {
            return "-";
        }
        long seconds = Math.max(0, Duration.between(since, now).getSeconds());
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }

    /** Left-aligned columns separated by two spaces; the last column is not padded. */
    static List<String> table(List<String> header, List<List<String>> rows) {
        int columns = header.size();
        int[] widths = new int[columns];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = row.get(i);
                line.append(i == columns - 1 ? cell : cell + " ".repeat(widths[i] - cell.length() + 2));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
