package com.brandcluster.salons.expert;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An expert's public profile. Its id is the expert's token subject, so a person has one profile at most (the
 * collection's primary key says so, whatever the concurrency); only that person edits it. Languages are kept as
 * canonical BCP 47 tags, plus their primary language subtags for filtering.
 */
@Document("experts")
@CompoundIndex(name = "name_id", def = "{'profile.name': 1, '_id': 1}")
public class Expert {

    @Id
    private final String id;
    private Profile profile;
    @Indexed
    private Set<Topic> topics;
    @Indexed
    private Set<String> clusters;
    @Indexed
    private Set<String> languageCodes;
    private final Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    /** The editable part, whole; validated at the edge and normalised here. */
    public record Profile(String name, String title, String organisation, String bio, List<Topic> topics,
                          List<String> languages, String timeZone, List<String> clusters) {

        public Profile {
            name = name.strip();
            title = blankToNull(title);
            organisation = blankToNull(organisation);
            bio = blankToNull(bio);
            topics = List.copyOf(new LinkedHashSet<>(Objects.requireNonNullElse(topics, List.of())));
            languages = Objects.requireNonNullElse(languages, List.<String>of()).stream()
                    .map(tag -> LanguageTag.Validator.parse(tag).toLanguageTag()).distinct().toList();
            clusters = List.copyOf(new LinkedHashSet<>(Objects.requireNonNullElse(clusters, List.of())));
            Objects.requireNonNull(ZoneId.of(timeZone));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @PersistenceCreator
    Expert(String id, Profile profile, Instant createdAt, Instant updatedAt, Long version) {
        this.id = id;
        this.profile = profile;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
        index();
    }

    static Expert create(String subject, Profile profile, Instant now) {
        return new Expert(Objects.requireNonNull(subject, "subject"), profile, now, now, null);
    }

    /** Replaces the profile; false when nothing changed. */
    boolean update(Profile changed, Instant now) {
        if (changed.equals(profile)) {
            return false;
        }
        profile = changed;
        updatedAt = now;
        index();
        return true;
    }

    private void index() {
        topics = Set.copyOf(profile.topics());
        clusters = Set.copyOf(profile.clusters());
        languageCodes = Set.copyOf(profile.languages().stream()
                .map(tag -> Locale.forLanguageTag(tag).getLanguage()).toList());
    }

    public String id() {
        return id;
    }

    public Profile profile() {
        return profile;
    }

    public ZoneId zone() {
        return ZoneId.of(profile.timeZone());
    }

    public boolean serves(String clusterId) {
        return clusters.contains(clusterId);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Long version() {
        return version;
    }
}
