package com.brandcluster.contracts;

import com.brandcluster.contracts.events.AttendeeCheckedIn;
import com.brandcluster.contracts.assets.AssetCreated;
import com.brandcluster.contracts.assets.AssetVersionPublished;
import com.brandcluster.contracts.assets.AssetVersionRetired;
import com.brandcluster.contracts.events.EventCancelled;
import com.brandcluster.contracts.events.EventPublished;
import com.brandcluster.contracts.events.EventUpdated;
import com.brandcluster.contracts.events.MeetingAccepted;
import com.brandcluster.contracts.events.MeetingCancelled;
import com.brandcluster.contracts.events.MeetingDeclined;
import com.brandcluster.contracts.events.MeetingExpired;
import com.brandcluster.contracts.events.MeetingRequested;
import com.brandcluster.contracts.events.RegistrationCancelled;
import com.brandcluster.contracts.events.RegistrationConfirmed;
import com.brandcluster.contracts.events.RegistrationDeclined;
import com.brandcluster.contracts.events.RegistrationOffered;
import com.brandcluster.contracts.events.RegistrationPending;
import com.brandcluster.contracts.events.RegistrationWaitlisted;
import com.brandcluster.contracts.membership.ApplicationRejected;
import com.brandcluster.contracts.membership.ApplicationSubmitted;
import com.brandcluster.contracts.membership.ClusterCreated;
import com.brandcluster.contracts.membership.ClusterTiersChanged;
import com.brandcluster.contracts.membership.ConventionAdopted;
import com.brandcluster.contracts.membership.ConventionBallotClosingSoon;
import com.brandcluster.contracts.membership.ConventionBallotOpened;
import com.brandcluster.contracts.membership.ConventionRejected;
import com.brandcluster.contracts.membership.EnterpriseUpdated;
import com.brandcluster.contracts.membership.EnterpriseUserLinked;
import com.brandcluster.contracts.membership.EnterpriseUserUnlinked;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.contracts.membership.MemberSnapshot;
import com.brandcluster.contracts.membership.MemberTierChanged;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.contracts.membership.PersonErased;
import com.brandcluster.contracts.membership.SecretariatChanged;
import com.brandcluster.contracts.membership.StandardCertified;
import com.brandcluster.contracts.salons.ConsultationBooked;
import com.brandcluster.contracts.salons.ConsultationCancelled;
import com.brandcluster.contracts.salons.ConsultationCompleted;
import com.brandcluster.contracts.salons.ConsultationConfirmed;
import com.brandcluster.contracts.salons.ConsultationNoShow;
import com.brandcluster.contracts.salons.ConsultationReminder;
import com.brandcluster.contracts.salons.ConsultationRescheduled;
import com.brandcluster.contracts.salons.SalonRegistrationCancelled;
import com.brandcluster.contracts.salons.SalonRegistrationConfirmed;
import com.brandcluster.contracts.salons.SalonRegistrationReminder;
import com.brandcluster.contracts.salons.SalonSessionBooked;
import com.brandcluster.contracts.salons.SalonSessionConfirmed;
import com.brandcluster.contracts.salons.SalonSessionReleased;
import com.brandcluster.contracts.salons.SalonWaitlistOffered;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every published event type with its exchange and routing key, written out explicitly: routing keys are contracts,
 * never derived from class names. Producers look up where an event goes; consumers look up what a routing key
 * carries.
 */
public final class EventCatalog {

    public record Entry(Class<? extends DomainEvent> type, String exchange, String routingKey) {
    }

    private static final Map<String, Entry> BY_ROUTING_KEY = new LinkedHashMap<>();
    private static final Map<Class<?>, Entry> BY_TYPE = new LinkedHashMap<>();

    static {
        register(ClusterCreated.class, Exchanges.MEMBERSHIP, ClusterCreated.ROUTING_KEY);
        register(ClusterTiersChanged.class, Exchanges.MEMBERSHIP, ClusterTiersChanged.ROUTING_KEY);
        register(ApplicationSubmitted.class, Exchanges.MEMBERSHIP, ApplicationSubmitted.ROUTING_KEY);
        register(ApplicationRejected.class, Exchanges.MEMBERSHIP, ApplicationRejected.ROUTING_KEY);
        register(MemberAdmitted.class, Exchanges.MEMBERSHIP, MemberAdmitted.ROUTING_KEY);
        register(MembershipStatusChanged.class, Exchanges.MEMBERSHIP, MembershipStatusChanged.ROUTING_KEY);
        register(MemberTierChanged.class, Exchanges.MEMBERSHIP, MemberTierChanged.ROUTING_KEY);
        register(MemberSnapshot.class, Exchanges.MEMBERSHIP, MemberSnapshot.ROUTING_KEY);
        register(EnterpriseUpdated.class, Exchanges.MEMBERSHIP, EnterpriseUpdated.ROUTING_KEY);
        register(EnterpriseUserLinked.class, Exchanges.MEMBERSHIP, EnterpriseUserLinked.ROUTING_KEY);
        register(EnterpriseUserUnlinked.class, Exchanges.MEMBERSHIP, EnterpriseUserUnlinked.ROUTING_KEY);
        register(SecretariatChanged.class, Exchanges.MEMBERSHIP, SecretariatChanged.ROUTING_KEY);
        register(ConventionBallotOpened.class, Exchanges.MEMBERSHIP, ConventionBallotOpened.ROUTING_KEY);
        register(ConventionBallotClosingSoon.class, Exchanges.MEMBERSHIP, ConventionBallotClosingSoon.ROUTING_KEY);
        register(ConventionAdopted.class, Exchanges.MEMBERSHIP, ConventionAdopted.ROUTING_KEY);
        register(ConventionRejected.class, Exchanges.MEMBERSHIP, ConventionRejected.ROUTING_KEY);
        register(StandardCertified.class, Exchanges.MEMBERSHIP, StandardCertified.ROUTING_KEY);
        register(PersonErased.class, Exchanges.MEMBERSHIP, PersonErased.ROUTING_KEY);
        register(SalonRegistrationConfirmed.class, Exchanges.SALONS, SalonRegistrationConfirmed.ROUTING_KEY);
        register(SalonRegistrationCancelled.class, Exchanges.SALONS, SalonRegistrationCancelled.ROUTING_KEY);
        register(SalonRegistrationReminder.class, Exchanges.SALONS, SalonRegistrationReminder.ROUTING_KEY);
        register(SalonWaitlistOffered.class, Exchanges.SALONS, SalonWaitlistOffered.ROUTING_KEY);
        register(SalonSessionBooked.class, Exchanges.SALONS, SalonSessionBooked.ROUTING_KEY);
        register(SalonSessionConfirmed.class, Exchanges.SALONS, SalonSessionConfirmed.ROUTING_KEY);
        register(SalonSessionReleased.class, Exchanges.SALONS, SalonSessionReleased.ROUTING_KEY);
        register(ConsultationBooked.class, Exchanges.SALONS, ConsultationBooked.ROUTING_KEY);
        register(ConsultationConfirmed.class, Exchanges.SALONS, ConsultationConfirmed.ROUTING_KEY);
        register(ConsultationRescheduled.class, Exchanges.SALONS, ConsultationRescheduled.ROUTING_KEY);
        register(ConsultationCancelled.class, Exchanges.SALONS, ConsultationCancelled.ROUTING_KEY);
        register(ConsultationCompleted.class, Exchanges.SALONS, ConsultationCompleted.ROUTING_KEY);
        register(ConsultationNoShow.class, Exchanges.SALONS, ConsultationNoShow.ROUTING_KEY);
        register(EventPublished.class, Exchanges.EVENTS, EventPublished.ROUTING_KEY);
        register(EventUpdated.class, Exchanges.EVENTS, EventUpdated.ROUTING_KEY);
        register(EventCancelled.class, Exchanges.EVENTS, EventCancelled.ROUTING_KEY);
        register(RegistrationPending.class, Exchanges.EVENTS, RegistrationPending.ROUTING_KEY);
        register(RegistrationConfirmed.class, Exchanges.EVENTS, RegistrationConfirmed.ROUTING_KEY);
        register(RegistrationDeclined.class, Exchanges.EVENTS, RegistrationDeclined.ROUTING_KEY);
        register(RegistrationWaitlisted.class, Exchanges.EVENTS, RegistrationWaitlisted.ROUTING_KEY);
        register(RegistrationOffered.class, Exchanges.EVENTS, RegistrationOffered.ROUTING_KEY);
        register(RegistrationCancelled.class, Exchanges.EVENTS, RegistrationCancelled.ROUTING_KEY);
        register(ConsultationReminder.class, Exchanges.SALONS, ConsultationReminder.ROUTING_KEY);
        register(MeetingRequested.class, Exchanges.EVENTS, MeetingRequested.ROUTING_KEY);
        register(MeetingAccepted.class, Exchanges.EVENTS, MeetingAccepted.ROUTING_KEY);
        register(MeetingDeclined.class, Exchanges.EVENTS, MeetingDeclined.ROUTING_KEY);
        register(MeetingExpired.class, Exchanges.EVENTS, MeetingExpired.ROUTING_KEY);
        register(MeetingCancelled.class, Exchanges.EVENTS, MeetingCancelled.ROUTING_KEY);
        register(AttendeeCheckedIn.class, Exchanges.EVENTS, AttendeeCheckedIn.ROUTING_KEY);
        register(AssetCreated.class, Exchanges.ASSETS, AssetCreated.ROUTING_KEY);
        register(AssetVersionPublished.class, Exchanges.ASSETS, AssetVersionPublished.ROUTING_KEY);
        register(AssetVersionRetired.class, Exchanges.ASSETS, AssetVersionRetired.ROUTING_KEY);
    }

    private static void register(Class<? extends DomainEvent> type, String exchange, String routingKey) {
        Entry entry = new Entry(type, exchange, routingKey);
        if (BY_ROUTING_KEY.put(routingKey, entry) != null || BY_TYPE.put(type, entry) != null) {
            throw new IllegalStateException("Registered twice: " + routingKey + " / " + type.getName());
        }
    }

    private EventCatalog() {
    }

    public static Entry of(Class<? extends DomainEvent> type) {
        Entry entry = BY_TYPE.get(type);
        if (entry == null) {
            throw new IllegalArgumentException("Not a catalogued event type: " + type.getName());
        }
        return entry;
    }

    public static Optional<Entry> forRoutingKey(String routingKey) {
        return Optional.ofNullable(BY_ROUTING_KEY.get(routingKey));
    }

    public static Set<String> routingKeys() {
        return BY_ROUTING_KEY.keySet();
    }
}
