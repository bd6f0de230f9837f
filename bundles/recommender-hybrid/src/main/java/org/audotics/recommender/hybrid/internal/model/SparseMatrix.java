package org.audotics.recommender.hybrid.internal.model;

import java.util.Arrays;

/**
 * An immutable sparse matrix in compressed-row form (rows × columns, float values): the interactions of users
 * (rows) with items (columns), or their transpose. Column indexes within a row are ascending and unique.
 * Plain arrays, so a million items and ten million interactions are ~120 MB, not objects.
 */
public final class SparseMatrix {

    private final int rows;
    private final int columns;
    private final int[] rowStart;
    private final int[] column;
    private final float[] value;

    private SparseMatrix(int rows, int columns, int[] rowStart, int[] column, float[] value) {
        this.rows = rows;
        this.columns = columns;
        this.rowStart = rowStart;
        this.column = column;
        this.value = value;
    }

    /**
     * A matrix from its compressed-row arrays as {@link #start}, {@link #columnAt} and {@link #valueAt} expose them
     * (a stored model read back), checked: starts non-decreasing from 0 to the entry count, columns in range and
     * ascending within each row.
     *
     * @throws IllegalArgumentException when the arrays are not such a matrix
     */
    public static SparseMatrix of(int rows, int columns, int[] rowStart, int[] column, float[] value) {
        if (rows < 0 || columns < 0 || rowStart.length != rows + 1 || rowStart[0] != 0 || rowStart[rows] != column.length
                || value.length != column.length) {
            throw new IllegalArgumentException("sparse arrays do not match " + rows + " x " + columns);
        }
        for (int r = 0; r < rows; r++) {
            if (rowStart[r + 1] < rowStart[r]) {
                throw new IllegalArgumentException("row starts decrease at row " + r);
            }
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                if (column[e] < 0 || column[e] >= columns || (e > rowStart[r] && column[e] <= column[e - 1])) {
                    throw new IllegalArgumentException("row " + r + " has a column out of range or out of order");
                }
            }
        }
        return new SparseMatrix(rows, columns, rowStart, column, value);
    }

    /**
     * Builds a matrix from (row, column, value) triples; values of the same cell are summed.
     *
     * @param count how many of the arrays' first entries are triples
     */
    public static SparseMatrix fromTriples(int rows, int columns, int[] row, int[] col, float[] val, int count) {
        int[] start = new int[rows + 1];
        for (int n = 0; n < count; n++) {
            if (row[n] < 0 || row[n] >= rows || col[n] < 0 || col[n] >= columns) {
                throw new IllegalArgumentException("cell (" + row[n] + ", " + col[n] + ") outside " + rows + " x " + columns);
            }
            start[row[n] + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            start[r + 1] += start[r];
        }
        int[] fill = Arrays.copyOf(start, rows);
        int[] c = new int[count];
        float[] v = new float[count];
        for (int n = 0; n < count; n++) {
            int at = fill[row[n]]++;
            c[at] = col[n];
            v[at] = val[n];
        }
        // sort each row by column and merge duplicates (read from a copy of the row: the output overwrites it)
        int[] outStart = new int[rows + 1];
        int out = 0;
        long[] keys = new long[16];
        float[] rowValues = new float[16];
        for (int r = 0; r < rows; r++) {
            int from = start[r];
            int length = start[r + 1] - from;
            if (keys.length < length) {
                keys = new long[Math.max(length, keys.length * 2)];
                rowValues = new float[keys.length];
            }
            for (int n = 0; n < length; n++) {
                keys[n] = ((long) c[from + n] << 32) | n;
                rowValues[n] = v[from + n];
            }
            Arrays.sort(keys, 0, length);
            int last = -1;
            for (int n = 0; n < length; n++) {
                int cc = (int) (keys[n] >>> 32);
                float vv = rowValues[(int) (keys[n] & 0xffffffffL)];
                if (cc == last) {
                    v[out - 1] += vv;
                } else {
                    c[out] = cc;
                    v[out] = vv;
                    out++;
                    last = cc;
                }
            }
            outStart[r + 1] = out;
        }
        return new SparseMatrix(rows, columns, outStart, Arrays.copyOf(c, out), Arrays.copyOf(v, out));
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int nonZeros() {
        return rowStart[rows];
    }

    /** Index of the row's first entry in {@link #columnAt}/{@link #valueAt}. */
    public int start(int row) {
        return rowStart[row];
    }

    /** Index just past the row's last entry. */
    public int end(int row) {
        return rowStart[row + 1];
    }

    public int rowLength(int row) {
        return rowStart[row + 1] - rowStart[row];
    }

    public int columnAt(int entry) {
        return column[entry];
    }

    public float valueAt(int entry) {
        return value[entry];
    }

    public SparseMatrix transpose() {
        int n = nonZeros();
        int[] start = new int[columns + 1];
        for (int e = 0; e < n; e++) {
            start[column[e] + 1]++;
        }
        for (int c = 0; c < columns; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = Arrays.copyOf(start, columns);
        int[] rowIndex = new int[n];
        float[] v = new float[n];
        for (int r = 0; r < rows; r++) {
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                int at = fill[column[e]]++;
                rowIndex[at] = r;
                v[at] = value[e];
            }
        }
        return new SparseMatrix(columns, rows, start, rowIndex, v);
    }

    /** The same pattern with every value replaced by {@code f(value)}; cells mapped to 0 are kept. */
    public SparseMatrix mapValues(java.util.function.DoubleUnaryOperator f) {
        float[] v = new float[value.length];
        for (int e = 0; e < v.length; e++) {
            v[e] = (float) f.applyAsDouble(value[e]);
        }
        return new SparseMatrix(rows, columns, rowStart, column, v);
    }

    /** Only the cells whose value is above 0. */
    public SparseMatrix positive() {
        int[] start = new int[rows + 1];
        int kept = 0;
        for (int e = 0; e < value.length; e++) {
            if (value[e] > 0) {
                kept++;
            }
        }
        int[] c = new int[kept];
        float[] v = new float[kept];
        int out = 0;
        for (int r = 0; r < rows; r++) {
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                if (value[e] > 0) {
                    c[out] = column[e];
                    v[out++] = value[e];
                }
            }
            start[r + 1] = out;
        }
        return new SparseMatrix(rows, columns, start, c, v);
    }

    /** Whether the row holds the column (binary search). */
    public boolean contains(int row, int col) {
        return Arrays.binarySearch(column, rowStart[row], rowStart[row + 1], col) >= 0;
    }
}
