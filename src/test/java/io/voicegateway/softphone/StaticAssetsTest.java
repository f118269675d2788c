package io.voicegateway.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rule: only plain file names of known types directly under classpath static/ are ever served. */
class StaticAssetsTest {

    private final StaticAssets assets = new StaticAssets(getClass().getClassLoader());

    @Test
    void thePageScriptsAndStylesheetAreFoundWithTheirContentTypes() {
        assertThat(assets.find("index.html")).get().extracting(StaticAssets.Asset::contentType)
                .isEqualTo("text/html; charset=utf-8");
        assertThat(assets.find("app.js")).get().extracting(StaticAssets.Asset::contentType)
                .isEqualTo("text/javascript; charset=utf-8");
        assertThat(assets.find("softphone.css")).get().extracting(StaticAssets.Asset::contentType)
                .isEqualTo("text/css; charset=utf-8");
        assertThat(assets.find("index.html").orElseThrow().bytes()).isNotEmpty();
    }

    @Test
    void anUnknownFileIsNotFound() {
        assertThat(assets.find("nope.js")).isEmpty();
        assertThat(assets.find("")).isEmpty();
        assertThat(assets.find(null)).isEmpty();
    }

    @Test
    void traversalSubFoldersAndDotFilesAreRefused() {
        assertThat(assets.find("../application.yaml")).isEmpty();
        assertThat(assets.find("..")).isEmpty();
        assertThat(assets.find("..%2Fapplication.yaml")).isEmpty();
        assertThat(assets.find("a..js")).isEmpty();
        assertThat(assets.find("/etc/passwd")).isEmpty();
        assertThat(assets.find("..\\application.yaml")).isEmpty();
        assertThat(assets.find(".hidden.js")).isEmpty();
        assertThat(assets.find("sub/app.js")).isEmpty();
    }

    @Test
    void filesOfOtherTypesAreNotServedEvenIfOnTheClasspathUnderStatic() {
        // Only the listed extensions: a stray .class, .yaml or .wav dropped into static/ stays private.
        assertThat(assets.find("application.yaml")).isEmpty();
        assertThat(assets.find("SoftphoneHandler.class")).isEmpty();
    }
}
