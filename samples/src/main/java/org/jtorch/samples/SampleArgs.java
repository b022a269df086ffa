package org.jtorch.samples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The samples' command lines: {@code --name value} options, {@code --name} flags, and bare
 * arguments (file names), with the same errors everywhere ("unknown option --x", "option --x
 * needs a value").
 */
final class SampleArgs {
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flagsSet = new java.util.HashSet<>();
  private final List<String> bare = new ArrayList<>();

  private SampleArgs() {}

  /**
   * Parses {@code args}.
   *
   * @param options the names that take a value
   * @param flags the names that take none
   * @param bareAllowed whether arguments not starting with {@code --} are accepted
   * @throws IllegalArgumentException for an unknown option, a missing value, or a bare argument
   *     where none is accepted
   */
  static SampleArgs parse(String[] args, Set<String> options, Set<String> flags, boolean bareAllowed) {
    SampleArgs p = new SampleArgs();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (flags.contains(a)) {
        p.flagsSet.add(a);
      } else if (options.contains(a)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + a + " needs a value");
        }
        p.values.put(a, args[++i]);
      } else if (!a.startsWith("--") && bareAllowed) {
        p.bare.add(a);
      } else {
        throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return p;
  }

  String string(String name, String otherwise) {
    return values.getOrDefault(name, otherwise);
  }

  int integer(String name, int otherwise) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : otherwise;
  }

  long longValue(String name, long otherwise) {
    return values.containsKey(name) ? Long.parseLong(values.get(name)) : otherwise;
  }

  double number(String name, double otherwise) {
    return values.containsKey(name) ? Double.parseDouble(values.get(name)) : otherwise;
  }

  Path path(String name, Path otherwise) {
    return values.containsKey(name) ? Path.of(values.get(name)) : otherwise;
  }

  boolean flag(String name) {
    return flagsSet.contains(name);
  }

  List<String> bare() {
    return List.copyOf(bare);
  }
}
