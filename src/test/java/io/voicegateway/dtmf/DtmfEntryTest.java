package io.voicegateway.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rule: keys collect into one entry; '#' ends it at once, a pause (the owner's take) ends it otherwise. */
class DtmfEntryTest {

    private final DtmfEntry entry = new DtmfEntry();

    @Test
    void keysUntilHashBecomeOneText() {
        assertThat(entry.add("1")).isNull();
        assertThat(entry.add("2")).isNull();
        assertThat(entry.add("3")).isNull();
        assertThat(entry.add("4")).isNull();
        assertThat(entry.add("#")).isEqualTo("caller pressed 1234");
        assertThat(entry.take()).isNull();
    }

    @Test
    void aPauseTakesTheKeysSoFarAndStartsANewEntry() {
        entry.add("9");
        entry.add("*");
        assertThat(entry.take()).isEqualTo("caller pressed 9*");
        entry.add("5");
        assertThat(entry.add("#")).isEqualTo("caller pressed 5");
    }

    @Test
    void aHashAloneIsStillSent() {
        assertThat(entry.add("#")).isEqualTo("caller pressed #");
    }
}
