package dev.papergraph.embed;

/** Small dense-vector helpers over {@code float[]}, accumulating in double. */
public final class Vectors {

  private Vectors() {}

  /** A copy scaled to unit length (a zero vector stays zero). */
  public static float[] normalised(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    float[] out = v.clone();
    if (s > 0) {
      double inv = 1 / Math.sqrt(s);
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) (out[i] * inv);
      }
    }
    return out;
  }

  /** The dot product; four accumulators so the loop runs in parallel lanes. */
  public static double dot(float[] a, float[] b) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int n = a.length, i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < n; i++) {
      s0 += a[i] * b[i];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
