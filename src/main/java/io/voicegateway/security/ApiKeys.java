package io.voicegateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured API keys, kept only as SHA-256 digests. A presented key is hashed and compared with every
 * stored digest by {@link MessageDigest#isEqual} (constant time, no early exit), so neither timing nor the
 * key's length tells an attacker how close a guess came.
 */
public final class ApiKeys {

    /** What a key may do: {@code USER} the call API, {@code ADMIN} that and {@code /ops/*}. */
    public enum Role { USER, ADMIN }

    /** An accepted key: its role and a stable, non-secret id (a digest prefix) for rate limiting. */
    public record Caller(Role role, String keyId) {
    }

    private record Entry(byte[] digest, Role role) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public ApiKeys(List<String> userKeys, List<String> adminKeys) {
        userKeys.forEach(k -> entries.add(new Entry(sha256(k), Role.USER)));
        adminKeys.forEach(k -> entries.add(new Entry(sha256(k), Role.ADMIN)));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The caller a presented key belongs to; empty for a missing or unknown key. */
    public Optional<Caller> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        Entry match = null;
        for (Entry entry : entries) {
            // every entry is compared, even after a match, so the time taken does not depend on which key it is
            if (MessageDigest.isEqual(entry.digest(), digest) && match == null) {
                match = entry;
            }
        }
        if (match == null) {
            return Optional.empty();
        }
        return Optional.of(new Caller(match.role(), HexFormat.of().formatHex(match.digest(), 0, 8)));
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
