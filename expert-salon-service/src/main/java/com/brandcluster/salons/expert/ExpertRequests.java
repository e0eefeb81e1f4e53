package com.brandcluster.salons.expert;

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
final class ExpertRequests {

    static final String CLUSTER_ID = "[a-z0-9][a-z0-9-]{0,62}";

    private ExpertRequests() {
    }

    /**
     * The editable profile, whole: the body of a POST, and what a PATCH is merged onto (JSON merge patch on the top
     * level: an absent property stays, {@code null} clears it, a list replaces the list).
     */
    record ProfileInput(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 100) @Nullable String title,
            @Size(max = 200) @Nullable String organisation,
            @Size(max = 4000) @Nullable String bio,
            @NotEmpty @Size(max = 20) List<@NotNull Topic> topics,
            @NotEmpty @Size(max = 10) List<@NotBlank @LanguageTag String> languages,
            @NotBlank @IanaZone String timeZone,
            @Size(max = 50) @Nullable List<@NotBlank @Pattern(regexp = CLUSTER_ID, message = "must be a cluster id") String> clusters) {

        static ProfileInput of(Expert.Profile p) {
            return new ProfileInput(p.name(), p.title(), p.organisation(), p.bio(), p.topics(), p.languages(),
                    p.timeZone(), p.clusters());
        }

        Expert.Profile profile() {
            return new Expert.Profile(name, title, organisation, bio, topics, languages, timeZone, clusters);
        }
    }

    record ExpertView(String id, String name, @Nullable String title, @Nullable String organisation,
                      @Nullable String bio, List<Topic> topics,
                      List<String> languages, String timeZone, List<String> clusters, Instant createdAt,
                      Instant updatedAt) {

        static ExpertView of(Expert e) {
            Expert.Profile p = e.profile();
            return new ExpertView(e.id(), p.name(), p.title(), p.organisation(), p.bio(), p.topics(), p.languages(),
                    p.timeZone(), p.clusters(), e.createdAt(), e.updatedAt());
        }
    }
}
