package io.voicegateway.softphone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The softphone's files: classpath resources directly under {@code static/}. A name is one plain path segment
 * with a known extension, so nothing outside {@code static/} (no {@code ..}, no sub-folder, no class file) can
 * be reached, whatever the URL decoded to.
 */
public final class StaticAssets {

    static final String ROOT = "static/";

    /** Module scripts need a JavaScript MIME type: browsers refuse {@code import} of anything else. */
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    /** Letters, digits, dot, dash, underscore; not starting with a dot (so neither {@code ..} nor dot-files). */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    private final ClassLoader classLoader;

    public StaticAssets(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** One file's bytes and the Content-Type to answer it with. */
    public record Asset(String name, String contentType, byte[] bytes) {
    }

    /** The named file, or empty when the name is unsafe, of an unknown type, or not there. */
    public Optional<Asset> find(String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        String type = CONTENT_TYPES.get(extension(name));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = classLoader.getResourceAsStream(ROOT + name)) {
            return in == null ? Optional.empty() : Optional.of(new Asset(name, type, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath resource " + ROOT + name, e);
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
