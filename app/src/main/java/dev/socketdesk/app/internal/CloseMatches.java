package dev.socketdesk.app.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The known words closest to a mistyped one, for "did you mean" hints. */
public final class CloseMatches {
  private CloseMatches() {}

  /**
   * The candidates at the smallest edit distance from {@code typed}, ignoring case and leading
   * dashes, if that distance is small for the word's length (none up to 2 letters, so {@code -x}
   * suggests nothing; 1 up to 4 letters; 2 beyond). Swapping two neighbouring letters counts as one
   * edit, so {@code --prot} finds {@code --port}. Keeps the candidates' order; at most {@code max}.
   */
  public static List<String> of(String typed, Collection<String> candidates, int max) {
    String word = stripDashes(typed);
    int allowed = word.length() <= 2 ? 0 : word.length() <= 4 ? 1 : 2;
    int best = allowed + 1;
    List<String> matches = new ArrayList<>();
    for (String candidate : candidates) {
      int distance = distance(word, stripDashes(candidate));
      if (distance > allowed) {
        continue;
      }
      if (distance < best) {
        best = distance;
        matches.clear();
      }
      if (distance == best && matches.size() < max && !matches.contains(candidate)) {
        matches.add(candidate);
      }
    }
    return matches;
  }

  private static String stripDashes(String word) {
    int i = 0;
    while (i < word.length() && word.charAt(i) == '-') {
      i++;
    }
    return word.substring(i).toLowerCase(Locale.ROOT);
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
