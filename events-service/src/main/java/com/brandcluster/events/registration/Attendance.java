package com.brandcluster.events.registration;

import com.brandcluster.events.event.EventNotFoundException;
import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.event.ExchangeEvents;
import com.brandcluster.platform.membership.MemberStandings;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import org.bson.Document;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.count;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.limit;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.skip;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.sort;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.unwind;

/**
 * Who attends an event: the attendees of its confirmed registrations. The secretariat sees all of them with e-mail and
 * check-in, exports them as CSV and counts them; an enterprise with a confirmed registration sees the attendees who
 * consented to the list (its own on the same terms, as other members see them), without e-mail. Everybody else is
 * refused. The list is in the order of registration, and each registration's attendees in the order named; it is
 * read with aggregations over the registrations, page by page or streamed, so no event is too large for it.
 */
@Service
class Attendance {

    private static final List<String> CSV_HEADER = List.of("Name", "Job title", "Enterprise", "Enterprise ID",
            "E-mail", "Consents to attendee list", "Checked in at", "Registration ID", "Attendee ID");
    private static final DateTimeFormatter CHECKED_IN_AT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final MongoOperations mongo;
    private final ExchangeEvents events;
    private final RegistrationRepository registrations;
    private final MemberStandings standings;

    Attendance(MongoOperations mongo, ExchangeEvents events, RegistrationRepository registrations,
               MemberStandings standings) {
        this.mongo = mongo;
        this.events = events;
        this.registrations = registrations;
        this.standings = standings;
    }

    /**
     * One attendee on the list.
     *
     * @param enterpriseName as the enterprise's membership records it; null for an enterprise that is not a member
     */
    record Listed(String registrationId, String enterpriseId, String enterpriseName,
                  Registration.Attendee attendee) {
    }

    /** A page of the list: the secretariat's {@code complete} one, or the members' of consenting attendees. */
    record Listing(boolean complete, Page<Listed> page) {
    }

    /** Attendees counted over the event's open registrations, and per enterprise. */
    record Counts(String exchangeEventId, Tally total, List<EnterpriseTally> enterprises) {
    }

    record EnterpriseTally(String enterpriseId, String enterpriseName, Tally tally) {
    }

    /**
     * @param registered attendees of open registrations (pending, confirmed, waitlisted, offered)
     * @param confirmed  attendees of confirmed registrations
     * @param checkedIn  attendees of confirmed registrations who were checked in
     */
    record Tally(long registered, long confirmed, long checkedIn) {

        static final Tally NONE = new Tally(0, 0, 0);

        Tally plus(Tally other) {
            return new Tally(registered + other.registered, confirmed + other.confirmed,
                    checkedIn + other.checkedIn);
        }
    }

    Listing list(String eventId, Caller caller, int page, int size) {
        ExchangeEvent event = events.get(eventId);
        boolean complete = caller.isSecretariatOf(event.clusterId());
        if (!complete) {
            requireConfirmedRegistration(event, caller);
        }
        PageRequest request = PageRequest.of(page, size);
        List<AggregationOperation> attendees = attendees(eventId, !complete);
        Document counted = mongo.aggregate(newAggregation(with(attendees, count().as("total"))),
                Registration.COLLECTION, Document.class).getUniqueMappedResult();
        long total = counted == null ? 0 : counted.get("total", Number.class).longValue();
        List<Unwound> rows = mongo.aggregate(newAggregation(with(attendees, skip(request.getOffset()),
                limit(size))), Registration.COLLECTION, Unwound.class).getMappedResults();
        Map<String, String> names = standings.enterpriseNames(event.clusterId(),
                rows.stream().map(Unwound::enterpriseId).collect(Collectors.toSet()));
        return new Listing(complete, new PageImpl<>(rows.stream().map(row -> row.listed(names)).toList(), request,
                total));
    }

    /** The event whose attendee list the caller may export: its secretariat only. */
    ExchangeEvent exportable(String eventId, Caller caller) {
        return events.managed(eventId, caller);
    }

    /** The complete list as CSV (UTF-8), streamed from the database; check-in times in the event's time zone. */
    void writeCsv(ExchangeEvent event, OutputStream out) throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        csv.write(AttendeeCsv.BYTE_ORDER_MARK);
        AttendeeCsv.writeRow(csv, CSV_HEADER);
        Map<String, String> names = standings.enterpriseNames(event.clusterId(), mongo.findDistinct(
                Query.query(confirmedOf(event.id())), "enterpriseId", Registration.class, String.class));
        ZoneId zone = ZoneId.of(event.details().timeZone());
        try (Stream<Unwound> rows = mongo.aggregateStream(newAggregation(attendees(event.id(), false)),
                Registration.COLLECTION, Unwound.class)) {
            for (Iterator<Unwound> it = rows.iterator(); it.hasNext(); ) {
                Listed listed = it.next().listed(names);
                Registration.Attendee attendee = listed.attendee();
                AttendeeCsv.writeRow(csv, Arrays.asList(attendee.name(), attendee.jobTitle(),
                        listed.enterpriseName(), listed.enterpriseId(), attendee.email(),
                        attendee.consentToAttendeeList() ? "yes" : "no", attendee.isCheckedIn()
                                ? CHECKED_IN_AT.format(attendee.checkedInAt().truncatedTo(ChronoUnit.SECONDS)
                                .atZone(zone)) : null,
                        listed.registrationId(), attendee.id()));
            }
        }
        csv.flush();
    }

    /** The secretariat's counts: attendees registered, confirmed and checked in, in all and per enterprise. */
    Counts counts(String eventId, Caller caller) {
        ExchangeEvent event = events.managed(eventId, caller);
        // one row per enterprise and registration state: its attendees, and how many of them are checked in
        AggregationOperation perEnterpriseAndState = context -> new Document("$group", new Document("_id",
                new Document("enterpriseId", "$enterpriseId").append("status", "$status"))
                .append("attendees", new Document("$sum", 1))
                .append("checkedIn", new Document("$sum", new Document("$cond",
                        List.of(new Document("$ifNull", List.of("$attendees.checkedInAt", false)), 1, 0)))));
        List<Document> groups = mongo.aggregate(newAggregation(
                match(Criteria.where("exchangeEventId").is(eventId).and("status").in(Registration.Status.OPEN)),
                unwind("attendees"), perEnterpriseAndState), Registration.COLLECTION, Document.class)
                .getMappedResults();
        Map<String, Tally> byEnterprise = new HashMap<>();
        for (Document group : groups) {
            Document key = group.get("_id", Document.class);
            long attendees = group.get("attendees", Number.class).longValue();
            boolean confirmed = Registration.Status.CONFIRMED.name().equals(key.getString("status"));
            Tally tally = new Tally(attendees, confirmed ? attendees : 0,
                    confirmed ? group.get("checkedIn", Number.class).longValue() : 0);
            byEnterprise.merge(key.getString("enterpriseId"), tally, Tally::plus);
        }
        Map<String, String> names = standings.enterpriseNames(event.clusterId(), byEnterprise.keySet());
        List<EnterpriseTally> enterprises = byEnterprise.entrySet().stream()
                .map(e -> new EnterpriseTally(e.getKey(), names.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(EnterpriseTally::enterpriseName,
                                Comparator.nullsLast(Comparator.<String>naturalOrder()))
                        .thenComparing(EnterpriseTally::enterpriseId))
                .toList();
        Tally total = enterprises.stream().map(EnterpriseTally::tally).reduce(Tally.NONE, Tally::plus);
        return new Counts(eventId, total, enterprises);
    }

    /** An enterprise sees the list once it holds a confirmed registration for the event. */
    private void requireConfirmedRegistration(ExchangeEvent event, Caller caller) {
        if (event.status() == ExchangeEvent.Status.DRAFT) {
            throw new EventNotFoundException(event.id());
        }
        boolean registered = caller.enterprise().filter(enterpriseId -> registrations
                .existsByExchangeEventIdAndEnterpriseIdAndStatus(event.id(), enterpriseId,
                        Registration.Status.CONFIRMED)).isPresent();
        if (!registered) {
            throw new ForbiddenException("Only the event's secretariat and enterprises with a confirmed registration "
                    + "for it see its attendee list.");
        }
    }

    /** The attendees of the event's confirmed registrations, one document each, in order of registration. */
    private static List<AggregationOperation> attendees(String eventId, boolean consentedOnly) {
        List<AggregationOperation> stages = new ArrayList<>(List.of(match(confirmedOf(eventId)),
                sort(Sort.by("registeredAt", "_id")), unwind("attendees")));
        if (consentedOnly) {
            stages.add(match(Criteria.where("attendees.consentToAttendeeList").is(true)));
        }
        return stages;
    }

    private static Criteria confirmedOf(String eventId) {
        return Criteria.where("exchangeEventId").is(eventId).and("status").is(Registration.Status.CONFIRMED);
    }

    private static List<AggregationOperation> with(List<AggregationOperation> stages,
                                                   AggregationOperation... more) {
        List<AggregationOperation> all = new ArrayList<>(stages);
        all.addAll(List.of(more));
        return all;
    }

    /** A registration unwound to one of its attendees. */
    record Unwound(@Id String registrationId, String enterpriseId, @Field("attendees") Registration.Attendee attendee) {

        Listed listed(Map<String, String> names) {
            return new Listed(registrationId, enterpriseId, names.get(enterpriseId), attendee);
        }
    }
}
