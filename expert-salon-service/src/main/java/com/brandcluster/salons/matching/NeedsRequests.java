package com.brandcluster.salons.matching;

import com.brandcluster.salons.expert.LanguageTag;
import com.brandcluster.salons.expert.Topic;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

@NullMarked
final class NeedsRequests {

    private NeedsRequests() {
    }

    /** The whole statement of needs; {@code languages} and {@code clusters} may be left out. */
    record NeedsInput(
            @NotEmpty @Size(max = 16) List<@NotNull Topic> topics,
            @NotBlank @Size(max = 2000) String description,
            @Size(max = 10) @Nullable List<@NotBlank @LanguageTag String> languages,
            @Size(max = 20) @Nullable List<@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}",
                    message = "must be a cluster id") String> clusters) {
    }

    record NeedsView(String enterpriseId, List<Topic> topics, String description, List<String> languages,
                     List<String> clusters, Instant statedAt) {

        static NeedsView of(Needs needs) {
            return new NeedsView(needs.enterpriseId(), needs.topics(), needs.description(), needs.languages(),
                    needs.clusters(), needs.statedAt());
        }
    }
}
