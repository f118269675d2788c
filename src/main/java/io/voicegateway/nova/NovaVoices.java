package io.voicegateway.nova;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Nova Sonic voice ids (DESIGN §7). Nova 2 Sonic has sixteen; v1 lacks olivia, tina, carolina, leo, kiara, arjun and
 * has greta. "mathew" (as the seed's examples spell it) is accepted as matthew.
 */
public final class NovaVoices {

    /** Nova 2 Sonic voices, in AWS's order. */
    public static final List<String> NOVA_2 = List.of("matthew", "tiffany", "amy", "olivia", "lupe", "carlos",
            "ambre", "florian", "lennart", "beatrice", "lorenzo", "tina", "carolina", "leo", "kiara", "arjun");

    /** Nova Sonic v1 voices. */
    public static final List<String> NOVA_1 = List.of("matthew", "tiffany", "amy", "lupe", "carlos", "ambre",
            "florian", "lennart", "beatrice", "lorenzo", "greta");

    private static final Map<String, String> ALIASES = Map.of("mathew", "matthew");
    private static final Set<String> ALL = Set.copyOf(concat());

    private NovaVoices() {
    }

    /** The canonical voice id for {@code name} (any case, aliases resolved), or empty if no model has it. */
    public static Optional<String> normalize(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        key = ALIASES.getOrDefault(key, key);
        return ALL.contains(key) ? Optional.of(key) : Optional.empty();
    }

    /** Like {@link #normalize(String)}, restricted to the voices of {@code modelId}. */
    public static Optional<String> normalize(String name, String modelId) {
        List<String> voices = forModel(modelId);
        return normalize(name).filter(voices::contains);
    }

    /** Every voice of any model, Nova 2 first. */
    public static List<String> all() {
        return concat();
    }

    /** The voices of a model id; v1 for {@code amazon.nova-sonic-v1:0}, Nova 2 otherwise. */
    public static List<String> forModel(String modelId) {
        return "amazon.nova-sonic-v1:0".equals(modelId) ? NOVA_1 : NOVA_2;
    }

    private static List<String> concat() {
        return java.util.stream.Stream.concat(NOVA_2.stream(), NOVA_1.stream()).distinct().toList();
    }
}
