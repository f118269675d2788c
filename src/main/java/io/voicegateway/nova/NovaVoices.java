package io.voicegateway.nova;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Nova Sonic voice ids. Nova 2 Sonic voices per AWS's model card; v1 lacks olivia, tina, carolina, leo, kiara,
 * arjun and has greta. The seed's examples spell matthew "mathew": accepted as an alias.
 */
public final class NovaVoices {

    private static final List<String> NOVA_2 = List.of("matthew", "tiffany", "amy", "olivia", "lupe", "carlos",
            "ambre", "florian", "lennart", "beatrice", "lorenzo", "tina", "carolina", "leo", "kiara", "arjun");
    private static final List<String> NOVA_1 = List.of("matthew", "tiffany", "amy", "lupe", "carlos", "ambre",
            "florian", "greta", "lennart", "beatrice", "lorenzo");

    private NovaVoices() {
    }

    /** Every voice id accepted by either model (Nova 2 first, then v1-only ones). */
    public static List<String> all() {
        return java.util.stream.Stream.concat(NOVA_2.stream(), NOVA_1.stream()).distinct().toList();
    }

    /** Voices of one model id ({@code amazon.nova-sonic-v1:0} is v1; anything else is Nova 2). */
    public static List<String> forModel(String modelId) {
        return modelId != null && modelId.startsWith("amazon.nova-sonic-v1") ? NOVA_1 : NOVA_2;
    }

    /**
     * Why {@code voiceId} (canonical) cannot speak on {@code modelId}, naming both and the model's voices; empty when
     * it can. A call with such a voice would open no model session: it would be silent.
     */
    public static Optional<String> problemWith(String voiceId, String modelId) {
        List<String> voices = forModel(modelId);
        if (voices.contains(voiceId)) {
            return Optional.empty();
        }
        return Optional.of("Voice '" + voiceId + "' is not available with model " + modelId + " (NOVA_MODEL_ID); "
                + "its voices: " + String.join(", ", voices));
    }

    /** The canonical voice id for user input (case-insensitive, "mathew" → "matthew"), or empty if unknown. */
    public static Optional<String> normalize(String voiceId) {
        if (voiceId == null) {
            return Optional.empty();
        }
        String v = voiceId.trim().toLowerCase(Locale.ROOT);
        if (v.equals("mathew")) {
            v = "matthew";
        }
        return all().contains(v) ? Optional.of(v) : Optional.empty();
    }
}
