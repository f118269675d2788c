package io.voicegateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicegateway.server.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A key is accepted only when it equals a configured one; the role decides /ops/*; nothing secret leaks out. */
class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(List.of("user-key-aaaaaaaaaaaa"), List.of("admin-key-bbbbbbbbbbbb"));

    @Test
    void aConfiguredKeyIsAcceptedWithItsRole() {
        assertThat(keys.authenticate("user-key-aaaaaaaaaaaa")).get().extracting(ApiKeys.Caller::role)
                .isEqualTo(ApiKeys.Role.USER);
        assertThat(keys.authenticate("admin-key-bbbbbbbbbbbb")).get().extracting(ApiKeys.Caller::role)
                .isEqualTo(ApiKeys.Role.ADMIN);
    }

    @Test
    void unknownEmptyAndNearMissKeysAreRefused() {
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate("user-key-aaaaaaaaaaa")).isEmpty();
        assertThat(keys.authenticate("user-key-aaaaaaaaaaaaa")).isEmpty();
        assertThat(keys.authenticate("USER-KEY-AAAAAAAAAAAA")).isEmpty();
    }

    @Test
    void theKeyIdIsADigestPrefixNotTheKey() {
        String id = keys.authenticate("user-key-aaaaaaaaaaaa").orElseThrow().keyId();
        assertThat(id).hasSize(16).doesNotContain("user-key");
        assertThat(keys.authenticate("user-key-aaaaaaaaaaaa").orElseThrow().keyId()).isEqualTo(id);
    }

    @Test
    void theCheckAnswers401WithoutABearerKeyAnd403ForAUserKeyOnAnAdminRoute() {
        ApiKeyCheck admin = new ApiKeyCheck(keys, ApiKeys.Role.ADMIN, false);
        assertThatThrownBy(() -> admin.check(null)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> admin.check("Basic user-key-aaaaaaaaaaaa")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> admin.check("Bearer user-key-aaaaaaaaaaaa")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(403));
        assertThat(admin.check("bearer admin-key-bbbbbbbbbbbb").role()).isEqualTo(ApiKeys.Role.ADMIN);
    }

    @Test
    void errorMessagesNameTheSettingButNeverThePresentedKey() {
        ApiKeyCheck user = new ApiKeyCheck(keys, ApiKeys.Role.USER, false);
        assertThatThrownBy(() -> user.check("Bearer guessed-secret-123"))
                .hasMessageContaining("API_KEYS").hasMessageNotContaining("guessed-secret-123");
    }
}
