package com.brandcluster.salons.consultation;

import com.brandcluster.salons.expert.Topic;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ConsultationRequestsTest {

    static final Instant START = Instant.parse("2026-06-03T01:00:00Z");

    static ConsultationRequests.Book book(String note) {
        return new ConsultationRequests.Book("expert-1", "lighting", START, Topic.BRAND_EVALUATION, note);
    }

    @Test
    void theSameRequestHasTheSameFingerprintWhateverItsNotesWhitespace() {
        assertThat(book("Our brand index").fingerprint()).isEqualTo(book("  Our brand index\n").fingerprint())
                .hasSize(64);
        assertThat(book(null).fingerprint()).isEqualTo(book("   ").fingerprint());
    }

    @Test
    void anyFieldMakesItAnotherRequest() {
        String fingerprint = book("note").fingerprint();

        assertThat(book("another note").fingerprint()).isNotEqualTo(fingerprint);
        assertThat(new ConsultationRequests.Book("expert-2", "lighting", START, Topic.BRAND_EVALUATION, "note")
                .fingerprint()).isNotEqualTo(fingerprint);
        assertThat(new ConsultationRequests.Book("expert-1", "coal", START, Topic.BRAND_EVALUATION, "note")
                .fingerprint()).isNotEqualTo(fingerprint);
        assertThat(new ConsultationRequests.Book("expert-1", "lighting", START.plusSeconds(3600),
                Topic.BRAND_EVALUATION, "note").fingerprint()).isNotEqualTo(fingerprint);
        assertThat(new ConsultationRequests.Book("expert-1", "lighting", START, Topic.DESIGN, "note").fingerprint())
                .isNotEqualTo(fingerprint);
    }
}
