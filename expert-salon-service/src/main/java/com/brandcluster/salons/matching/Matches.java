package com.brandcluster.salons.matching;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.salons.availability.Availabilities;
import com.brandcluster.salons.expert.Expert;
import com.brandcluster.salons.expert.Topic;
import com.brandcluster.salons.salon.Salon;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Matches an enterprise's needs with experts ({@link ExpertRanking}) and upcoming salons ({@link SalonRelevance}) in
 * the clusters it is a member of in good standing. Everything is read from MongoDB by query and capped
 * ({@link MatchingProperties}); availability is computed only for the experts that can still reach the top.
 */
@Service
class Matches {

    private final EnterpriseNeeds needs;
    private final MemberClusters memberClusters;
    private final ExpertCandidates expertCandidates;
    private final Availabilities availabilities;
    private final MongoOperations mongo;
    private final MatchingProperties properties;
    private final Clock clock;

    Matches(EnterpriseNeeds needs, MemberClusters memberClusters, ExpertCandidates expertCandidates,
            Availabilities availabilities, MongoOperations mongo, MatchingProperties properties, Clock clock) {
        this.needs = needs;
        this.memberClusters = memberClusters;
        this.expertCandidates = expertCandidates;
        this.availabilities = availabilities;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The matches of the caller's enterprise.
     *
     * @param clusters          the clusters matched in
     * @param availabilityUntil the end of the horizon in which free slots were looked for (from {@code at})
     * @param salons            the suggested salons, by id
     */
    record Result(Needs needs, Set<String> clusters, Instant at, Instant availabilityUntil,
                  List<ExpertRanking.Ranked> experts, List<SalonRelevance.Suggested> suggestions,
                  Map<String, Salon> salons) {
    }

    /** 409 {@code needs-not-stated} until the enterprise has stated its needs. */
    Result of(Caller caller, int limit) {
        String enterpriseId = EnterpriseNeeds.enterpriseOf(caller, "reads");
        Needs stated = needs.find(enterpriseId).orElseThrow(() -> NeedsNotStatedException.onMatch(enterpriseId));
        Set<String> clusters = memberClusters.of(stated);
        Instant now = clock.instant();
        Instant until = now.plus(properties.availabilityHorizon());

        ExpertRanking.Wanted wanted = ExpertRanking.Wanted.of(stated, clusters);
        List<ExpertRanking.Ranked> experts = new ExpertRanking(wanted, now, properties.availabilityHorizon())
                .rank(expertCandidates.find(wanted, properties.expertCandidates()),
                        candidate -> availabilities.firstFreeSlot(candidate.expertId(), now, until), limit);

        Map<String, Salon> salons = upcomingOpenSalons(clusters, now).stream()
                .collect(Collectors.toMap(Salon::id, Function.identity()));
        Map<String, Set<Topic>> expertTopics = neededTopicsOfExperts(salons.values(), stated.topics());
        List<SalonRelevance.Suggested> suggestions = new SalonRelevance(stated).suggest(salons.values().stream()
                .map(salon -> new SalonRelevance.Candidate(salon.id(), salon.startsAt(), salon.theme(), salon.title(),
                        salon.description(), salon.expertIds().stream()
                                .flatMap(id -> expertTopics.getOrDefault(id, Set.of()).stream())
                                .collect(Collectors.toSet())))
                .toList(), limit);
        return new Result(stated, clusters, now, until, experts, suggestions, salons);
    }

    /** Published salons of the clusters that have not started and whose registration is open now, soonest first. */
    private List<Salon> upcomingOpenSalons(Set<String> clusters, Instant now) {
        if (clusters.isEmpty()) {
            return List.of();
        }
        Criteria upcomingAndOpen = Criteria.where("clusterId").in(clusters).and("status").is(Salon.Status.PUBLISHED)
                .and("startsAt").gt(now).and("registrationOpensAt").lte(now).and("registrationClosesAt").gt(now);
        Query query = Query.query(upcomingAndOpen).with(Sort.by("startsAt", "_id")).limit(properties.salonCandidates());
        return mongo.find(query, Salon.class);
    }

    /** Of the salons' experts, the needed topics each covers (only their topics are read). */
    private Map<String, Set<Topic>> neededTopicsOfExperts(Collection<Salon> salons, List<Topic> needed) {
        Set<String> expertIds = salons.stream().flatMap(salon -> salon.expertIds().stream())
                .collect(Collectors.toSet());
        if (expertIds.isEmpty()) {
            return Map.of();
        }
        List<String> topicNames = needed.stream().map(Topic::name).toList();
        Query query = Query.query(Criteria.where("_id").in(expertIds).and("topics").in(topicNames));
        query.fields().include("topics");
        Map<String, Set<Topic>> topics = new HashMap<>();
        for (Document expert : mongo.find(query, Document.class, mongo.getCollectionName(Expert.class))) {
            Set<Topic> covered = EnumSet.noneOf(Topic.class);
            expert.getList("topics", String.class).stream().map(Topic::valueOf).filter(needed::contains)
                    .forEach(covered::add);
            topics.put(expert.getString("_id"), covered);
        }
        return topics;
    }
}
