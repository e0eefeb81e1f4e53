package com.brandcluster.salons.matching;

import com.brandcluster.salons.expert.LanguageTag;
import com.brandcluster.salons.expert.Topic;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What an enterprise wants help with, one statement per enterprise (its id is the enterprise's id), replaced whole by
 * each PUT: topics of the controlled vocabulary, a free-text description, the languages it prefers (canonical BCP 47
 * tags) and, optionally, the clusters it wants help in (empty: any cluster it is a member of).
 */
@Document("needs")
record Needs(@Id String enterpriseId, List<Topic> topics, String description, List<String> languages,
             List<String> clusters, String statedBy, Instant statedAt) {

    Needs {
        Objects.requireNonNull(enterpriseId, "enterpriseId");
        topics = List.copyOf(new LinkedHashSet<>(Objects.requireNonNullElse(topics, List.of())));
        description = description == null ? null : description.strip();
        languages = Objects.requireNonNullElse(languages, List.<String>of()).stream()
                .map(tag -> LanguageTag.Validator.parse(tag).toLanguageTag()).distinct().toList();
        clusters = List.copyOf(new LinkedHashSet<>(Objects.requireNonNullElse(clusters, List.of())));
    }

    /** The primary language subtags of the preferred languages ({@code zh} for {@code zh-CN}). */
    List<String> languageCodes() {
        return languages.stream().map(tag -> Locale.forLanguageTag(tag).getLanguage()).distinct().toList();
    }
}
