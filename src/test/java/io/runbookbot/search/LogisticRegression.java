package io.runbookbot.search;

import java.util.List;

/**
 * Logistic regression for {@link ConfidenceTuner}: weights {@code w} for features {@code x} with
 * the intercept last, {@code p = 1 / (1 + e^-(w·x + w[d]))}.
 */
final class LogisticRegression {

    private LogisticRegression() {}

    static double probability(double[] w, double[] x) {
        double z = w[x.length];
        for (int j = 0; j < x.length; j++) {
            z += w[j] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Fits by Newton's method with a light L2 penalty (not on the intercept): {@code features} has
     * 3 values per sample, {@code right} says whether each sample is a positive.
     */
    static double[] fit(List<double[]> features, List<Boolean> right) {
        int d = 3;
        double[] w = new double[d + 1];
        double l2 = 1.0;
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] g = new double[d + 1];
            double[][] h = new double[d + 1][d + 1];
            for (int s = 0; s < features.size(); s++) {
                double[] x = extend(features.get(s));
                double p = probability(w, features.get(s));
                double y = right.get(s) ? 1 : 0;
                for (int i = 0; i <= d; i++) {
                    g[i] += (p - y) * x[i];
                    for (int j = 0; j <= d; j++) {
                        h[i][j] += p * (1 - p) * x[i] * x[j];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                g[i] += l2 * w[i];
                h[i][i] += l2;
            }
            h[d][d] += 1e-6;
            double[] step = solve(h, g);
            double size = 0;
            for (int i = 0; i <= d; i++) {
                w[i] -= step[i];
                size = Math.max(size, Math.abs(step[i]));
            }
            if (size < 1e-9) {
                break;
            }
        }
        return w;
    }

    private static double[] extend(double[] x) {
        double[] out = new double[x.length + 1];
        System.arraycopy(x, 0, out, 0, x.length);
        out[x.length] = 1;
        return out;
    }

    /** Gaussian elimination with partial pivoting; the systems here are 4 x 4. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] tmp = m[c];
            m[c] = m[pivot];
            m[pivot] = tmp;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
