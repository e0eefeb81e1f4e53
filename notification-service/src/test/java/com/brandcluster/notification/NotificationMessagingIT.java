package com.brandcluster.notification;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.brandcluster.contracts.EventCatalog;
import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.Exchanges;
import com.brandcluster.contracts.assets.AssetCreated;
import com.brandcluster.contracts.assets.AssetVersionPublished;
import com.brandcluster.contracts.assets.AssetVersionRetired;
import com.brandcluster.contracts.events.AttendeeCheckedIn;
import com.brandcluster.contracts.events.EventCancelled;
import com.brandcluster.contracts.events.EventPublished;
import com.brandcluster.contracts.events.RegistrationCancelled;
import com.brandcluster.contracts.events.RegistrationConfirmed;
import com.brandcluster.contracts.membership.ApplicationSubmitted;
import com.brandcluster.contracts.membership.ClusterCreated;
import com.brandcluster.contracts.membership.ConventionAdopted;
import com.brandcluster.contracts.membership.ConventionBallotOpened;
import com.brandcluster.contracts.membership.EnterpriseUpdated;
import com.brandcluster.contracts.membership.EnterpriseUserLinked;
import com.brandcluster.contracts.membership.EnterpriseUserUnlinked;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.contracts.membership.SecretariatChanged;
import com.brandcluster.contracts.membership.SecretariatUser;
import com.brandcluster.contracts.salons.ConsultationBooked;
import com.brandcluster.contracts.salons.ConsultationReminder;
import com.brandcluster.contracts.salons.SalonRegistrationReminder;
import com.brandcluster.notification.mail.CalendarInvite;
import com.brandcluster.notification.mail.MailRequest;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitManagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The producers' events, as the shared fixtures carry them, on the real RabbitMQ: the right users get inbox entries
 * in their language and e-mails, a redelivered event notifies nobody twice, and the directory is safe against old and
 * repeated user and secretariat events.
 */
class NotificationMessagingIT extends NotificationIntegrationTest {

    @Test
    void eachQueueIsAQuorumQueueWithItsDeadLetterQueueBoundToTheEventsItHandles() {
        Map<String, String> exchanges = Map.of("directory", Exchanges.MEMBERSHIP, "membership", Exchanges.MEMBERSHIP,
                "salons", Exchanges.SALONS, "events", Exchanges.EVENTS, "assets", Exchanges.ASSETS);
        RabbitManagement management = RabbitExtension.management();
        exchanges.forEach((purpose, exchange) -> {
            String queue = "notification-service." + purpose;
            assertThat(management.queue(queue)).hasValueSatisfying(q -> {
                assertThat(q.type()).isEqualTo("quorum");
                assertThat(q.durable()).isTrue();
            });
            assertThat(management.queueExists(queue + ".dlq")).as(queue + ".dlq").isTrue();
            assertThat(management.bindings(queue)).filteredOn(b -> b.source().equals(exchange)).isNotEmpty()
                    .allSatisfy(b -> assertThat(EventCatalog.forRoutingKey(b.routingKey())).as(b.routingKey())
                            .isPresent());
        });
        assertThat(management.bindings("notification-service.directory")).extracting(RabbitManagement.Binding::routingKey)
                .contains(EnterpriseUserLinked.ROUTING_KEY, EnterpriseUserUnlinked.ROUTING_KEY,
                        SecretariatChanged.ROUTING_KEY);
    }

    @Test
    void anAdmissionReachesEveryUserOfTheEnterpriseOnceInTheirLanguageEvenWhenRedelivered() throws Exception {
        String enterprise = newId("ent");
        String english = linkedUser(enterprise, "en-" + enterprise + "@example.test", "en");
        String chinese = linkedUser(enterprise, "zh-" + enterprise + "@example.test", "zh-CN");
        String bystander = linkedUser(newId("ent"), "other-" + enterprise + "@example.test", "en");
        String cluster = newId("lighting");
        publishFixture(ClusterCreated.ROUTING_KEY,
                Map.of("clusterId", cluster, "name", "China Lighting Brand Cluster"));
        await().until(() -> mongo.exists(Query.query(Criteria.where("_id").is(cluster)), "directory_clusters"));
        String eventId = UUID.randomUUID().toString();
        String admitted = EventFixtures.json(MemberAdmitted.ROUTING_KEY, Map.of("eventId", eventId,
                "clusterId", cluster, "enterpriseId", enterprise, "enterpriseName", "Opal Lighting",
                "memberNumber", "LIGHT-2026-0042"));

        publish(MemberAdmitted.ROUTING_KEY, admitted);
        publish(MemberAdmitted.ROUTING_KEY, admitted);
        awaitMembershipQueueDrained();

        assertThat(notificationsOf(english)).isEqualTo(1);
        assertThat(notificationsOf(chinese)).isEqualTo(1);
        assertThat(notificationsOf(bystander)).isZero();
        Document zh = notificationOf(chinese, eventId);
        assertThat(zh.getString("category")).isEqualTo("MEMBERSHIP");
        assertThat(zh.getString("subject"))
                .isEqualTo("欢迎加入China Lighting Brand Cluster：会员编号 LIGHT-2026-0042");
        assertThat(notificationOf(english, eventId).getString("subject"))
                .isEqualTo("Welcome to China Lighting Brand Cluster: member number LIGHT-2026-0042");

        assertThat(mail.to("en-" + enterprise + "@example.test")).singleElement().satisfies(m -> {
            assertThat(m.deliveryId()).isEqualTo(notificationOf(english, eventId).getObjectId("_id").toHexString());
            assertThat(m.locale()).isEqualTo(Locale.ENGLISH);
            assertThat(m.recipientName()).isEqualTo("User en-" + enterprise + "@example.test");
            assertThat(m.actionUrl()).startsWith("https://portal.test/membership/memberships/");
        });
        assertThat(mail.to("zh-" + enterprise + "@example.test")).singleElement()
                .satisfies(m -> assertThat(m.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aPublishedEventReachesTheUsersOfTheClustersMembersInGoodStandingOnly() throws Exception {
        String cluster = newId("lighting");
        String active = newId("ent");
        String suspended = newId("ent");
        String outsider = newId("ent");
        String activeUser = linkedUser(active, "a-" + active + "@example.test", "zh-CN");
        String suspendedUser = linkedUser(suspended, "s-" + suspended + "@example.test", "en");
        String outsiderUser = linkedUser(outsider, "o-" + outsider + "@example.test", "en");
        String suspendedMembership = newId("m");
        publishFixture(MemberAdmitted.ROUTING_KEY, Map.of("clusterId", cluster, "enterpriseId", active,
                "membershipId", newId("m")));
        publishFixture(MemberAdmitted.ROUTING_KEY, Map.of("clusterId", cluster, "enterpriseId", suspended,
                "membershipId", suspendedMembership));
        publishFixture(MembershipStatusChanged.ROUTING_KEY, Map.of("clusterId", cluster, "enterpriseId", suspended,
                "membershipId", suspendedMembership, "version", 2, "status", "SUSPENDED", "change", "SUSPENDED"));
        publishFixture(MemberAdmitted.ROUTING_KEY, Map.of("clusterId", newId("coal"), "enterpriseId", outsider,
                "membershipId", newId("m")));
        await().until(() -> mongo.count(Query.query(Criteria.where("clusterId").is(cluster).and("status")
                .in("ACTIVE", "SUSPENDED")), "directory_cluster_members") == 2 && mongo.exists(Query.query(
                Criteria.where("_id").is(suspendedMembership).and("status").is("SUSPENDED")),
                "directory_cluster_members"));

        String published = publishFixture(EventPublished.ROUTING_KEY, Map.of("clusterId", cluster,
                "exchangeEventId", newId("event"), "title", "Lighting supply-chain meeting"));
        awaitEventsQueueDrained();

        Document told = notificationOf(activeUser, published);
        assertThat(told).isNotNull();
        assertThat(told.getString("category")).isEqualTo("EVENTS");
        assertThat(told.getString("subject")).isEqualTo("新活动：Lighting supply-chain meeting");
        assertThat(notificationOf(suspendedUser, published)).as("suspended").isNull();
        assertThat(notificationOf(outsiderUser, published)).as("member of another cluster").isNull();
    }

    @Test
    void eventsThatNeedNobodysAttentionAreConsumedAndTellNobody() throws Exception {
        String enterprise = newId("ent");
        String user = linkedUser(enterprise, "quiet-" + enterprise + "@example.test", "en");
        RabbitManagement management = RabbitExtension.management();
        Map<String, Long> deadBefore = new HashMap<>();
        for (String purpose : List.of("directory", "salons", "events", "assets")) {
            deadBefore.put(purpose, management.messageCount("notification-service." + purpose + ".dlq"));
        }

        publishFixture(EnterpriseUpdated.ROUTING_KEY, Map.of("enterpriseId", enterprise, "version", 7));
        publishFixture(ConsultationReminder.ROUTING_KEY, Map.of("enterpriseId", enterprise));
        publishFixture(SalonRegistrationReminder.ROUTING_KEY, Map.of("enterpriseId", enterprise));
        publishFixture(AttendeeCheckedIn.ROUTING_KEY, Map.of("enterpriseId", enterprise));
        publishFixture(AssetCreated.ROUTING_KEY, Map.of());
        publishFixture(AssetVersionRetired.ROUTING_KEY, Map.of());
        awaitEventsQueueDrained();
        String behind = publishFixture(AssetVersionPublished.ROUTING_KEY,
                Map.of("enterprisesWithOlderVersion", List.of(enterprise)));
        await().until(() -> notificationOf(user, behind) != null);
        String salonsBehind = publishFixture(ConsultationBooked.ROUTING_KEY, Map.of("enterpriseId", enterprise,
                "consultationId", newId("c")));
        await().until(() -> notificationOf(user, salonsBehind) != null);

        assertThat(notificationsOf(user)).as("only the two events behind them").isEqualTo(2);
        deadBefore.forEach((purpose, dead) -> assertThat(management.messageCount(
                "notification-service." + purpose + ".dlq")).as(purpose).isEqualTo(dead));
        assertThat(management.messageCount("notification-service.directory")).isZero();
    }

    @Test
    void anApplicationReachesTheClustersSecretariat() throws Exception {
        String cluster = newId("lighting");
        String secretary = UUID.randomUUID().toString();
        secretariat(cluster, 2, secretary);
        String eventId = publishFixture(ApplicationSubmitted.ROUTING_KEY, Map.of("clusterId", cluster,
                "enterpriseName", "Opal Lighting", "applicationId", "app-1"));

        await().until(() -> notificationOf(secretary, eventId) != null);
        assertThat(notificationOf(secretary, eventId).getString("subject"))
                .isEqualTo("新的入会申请：Opal Lighting");
        assertThat(mail.to(secretary + "@example.test")).singleElement()
                .satisfies(m -> assertThat(m.actionUrl()).isEqualTo("https://portal.test/membership/applications/app-1"));
    }

    @Test
    void anOlderOrRepeatedDirectoryEventNeverUndoesANewerOne() throws Exception {
        String enterprise = newId("ent");
        String user = linkedUser(enterprise, "gone-" + enterprise + "@example.test", "en");
        Map<String, Object> unlink = Map.of("eventId", UUID.randomUUID().toString(), "enterpriseId", enterprise,
                "userId", user, "version", 3);
        publish(EnterpriseUserUnlinked.ROUTING_KEY, EventFixtures.json(EnterpriseUserUnlinked.ROUTING_KEY, unlink));
        awaitLinked(enterprise, user, false);
        publishFixture(EnterpriseUserLinked.ROUTING_KEY, Map.of("enterpriseId", enterprise, "userId", user,
                "version", 2));
        publish(EnterpriseUserUnlinked.ROUTING_KEY, EventFixtures.json(EnterpriseUserUnlinked.ROUTING_KEY, unlink));

        String cluster = newId("lighting");
        String newSecretary = UUID.randomUUID().toString();
        String oldSecretary = UUID.randomUUID().toString();
        secretariat(cluster, 5, newSecretary);
        publish(SecretariatChanged.ROUTING_KEY, secretariatChanged(cluster, 4, oldSecretary));

        String still = linkedUser(enterprise, "still-" + enterprise + "@example.test", "en");
        String admitted = publishFixture(MemberAdmitted.ROUTING_KEY, Map.of("enterpriseId", enterprise));
        String applied = publishFixture(ApplicationSubmitted.ROUTING_KEY, Map.of("clusterId", cluster));
        await().until(() -> notificationOf(still, admitted) != null && notificationOf(newSecretary, applied) != null);

        assertThat(notificationOf(user, admitted)).as("unlinked at version 3, the link of version 2 came late")
                .isNull();
        assertThat(notificationOf(oldSecretary, applied)).as("secretariat of version 4 is older").isNull();
    }

    @Test
    void aConsultationReachesTheEnterpriseWithACalendarEntryAndTheExpertsInboxWhenKeycloakIsDown() throws Exception {
        String enterprise = newId("ent");
        String user = linkedUser(enterprise, "c-" + enterprise + "@example.test", "en");
        String expert = UUID.randomUUID().toString();
        String eventId = publishFixture(ConsultationBooked.ROUTING_KEY, Map.of("enterpriseId", enterprise,
                "expertId", expert, "consultationId", "c-" + enterprise, "version", 1, "state", "CONFIRMED"));

        await().until(() -> notificationOf(user, eventId) != null && notificationOf(expert, eventId) != null);

        assertThat(notificationOf(user, eventId).getString("body")).isEqualTo(
                "Your consultation with Wang Lei on \"BRAND_EVALUATION\" is booked and confirmed for "
                        + "Jun 3, 2026, 9:00\u202fAM (Asia/Shanghai).");
        assertThat(notificationOf(expert, eventId).getString("messageKey"))
                .isEqualTo("salons.consultation.booked-expert.confirmed");
        MailRequest toEnterprise = mail.to("c-" + enterprise + "@example.test").getFirst();
        assertThat(toEnterprise.calendar()).isNotNull();
        assertThat(toEnterprise.calendar().uid()).isEqualTo("consultation-c-" + enterprise + "@brandcluster");
        assertThat(toEnterprise.calendar().sequence()).isEqualTo(1);
        assertThat(toEnterprise.calendar().method()).isEqualTo(CalendarInvite.Method.REQUEST);
        assertThat(mail.requests()).as("the expert's address is unknown while Keycloak is down")
                .noneMatch(m -> m.deliveryId().equals(notificationOf(expert, eventId).getObjectId("_id").toHexString()));
    }

    @Test
    void aCancelledEventReachesItsRegisteredEnterprisesOnceWithACalendarCancellation() throws Exception {
        String exchangeEvent = newId("event");
        String registered = newId("ent");
        String withdrawn = newId("ent");
        String registeredUser = linkedUser(registered, "r-" + registered + "@example.test", "en");
        String withdrawnUser = linkedUser(withdrawn, "w-" + withdrawn + "@example.test", "en");
        String registration = newId("reg");
        String confirmed = publishFixture(RegistrationConfirmed.ROUTING_KEY, Map.of("exchangeEventId", exchangeEvent,
                "enterpriseId", registered, "registrationId", registration, "version", 1));
        String withdrawnRegistration = newId("reg");
        publishFixture(RegistrationConfirmed.ROUTING_KEY, Map.of("exchangeEventId", exchangeEvent,
                "enterpriseId", withdrawn, "registrationId", withdrawnRegistration, "version", 1));
        String withdrawal = publishFixture(RegistrationCancelled.ROUTING_KEY, Map.of("exchangeEventId", exchangeEvent,
                "enterpriseId", withdrawn, "registrationId", withdrawnRegistration, "version", 2,
                "cancelledBy", "ENTERPRISE"));
        await().until(() -> notificationOf(registeredUser, confirmed) != null
                && notificationOf(withdrawnUser, withdrawal) != null);

        String cancelled = publishFixture(EventCancelled.ROUTING_KEY, Map.of("exchangeEventId", exchangeEvent,
                "version", 6));
        String registrationEnded = publishFixture(RegistrationCancelled.ROUTING_KEY, Map.of(
                "exchangeEventId", exchangeEvent, "enterpriseId", registered, "registrationId", registration,
                "version", 2, "cancelledBy", "EVENT_CANCELLED"));
        await().until(() -> notificationOf(registeredUser, cancelled) != null);
        awaitEventsQueueDrained();

        assertThat(notificationOf(registeredUser, cancelled).getString("subject"))
                .isEqualTo("Event cancelled: Spring cooperation meeting: export channels for lighting brands");
        assertThat(notificationOf(registeredUser, registrationEnded)).as("told once, by the event's cancellation")
                .isNull();
        assertThat(notificationOf(withdrawnUser, cancelled)).isNull();
        CalendarInvite calendar = mail.to("r-" + registered + "@example.test").getLast().calendar();
        assertThat(calendar.method()).isEqualTo(CalendarInvite.Method.CANCEL);
        assertThat(calendar.uid()).isEqualTo("event-" + exchangeEvent + "@brandcluster");
        assertThat(calendar.sequence()).isEqualTo(6);
    }

    @Test
    void aBallotAndItsOutcomeReachTheElectorate() throws Exception {
        String voter = newId("ent");
        String notVoter = newId("ent");
        String voterUser = linkedUser(voter, "v-" + voter + "@example.test", "en");
        String otherUser = linkedUser(notVoter, "n-" + notVoter + "@example.test", "en");
        String convention = newId("conv");
        String opened = publishFixture(ConventionBallotOpened.ROUTING_KEY, Map.of("conventionId", convention,
                "electorate", List.of(voter)));
        String adopted = publishFixture(ConventionAdopted.ROUTING_KEY, Map.of("conventionId", convention));

        await().until(() -> notificationOf(voterUser, adopted) != null);

        assertThat(notificationOf(voterUser, opened).getString("category")).isEqualTo("BALLOTS");
        assertThat(notificationsOf(otherUser)).isZero();
    }

    @Test
    void aNewAssetVersionReachesTheEnterprisesThatDownloadedAnOlderOne() throws Exception {
        String downloaded = newId("ent");
        String user = linkedUser(downloaded, "a-" + downloaded + "@example.test", "zh-CN");
        String eventId = publishFixture(AssetVersionPublished.ROUTING_KEY,
                Map.of("enterprisesWithOlderVersion", List.of(downloaded)));

        await().until(() -> notificationOf(user, eventId) != null);
        assertThat(notificationOf(user, eventId).getString("subject")).isEqualTo("“Cluster mark, full colour”有新版本");
        assertThat(notificationOf(user, eventId).getString("category")).isEqualTo("BRAND_ASSETS");
    }

    private void secretariat(String cluster, long version, String userId) throws IOException {
        publish(SecretariatChanged.ROUTING_KEY, secretariatChanged(cluster, version, userId));
        await().until(() -> mongo.exists(Query.query(
                Criteria.where("_id").is(cluster).and("version")
                        .is(version)), "directory_secretariats"));
    }

    private static String secretariatChanged(String cluster, long version, String userId) {
        return EventFixtures.json(SecretariatChanged.ROUTING_KEY, Map.of("eventId", UUID.randomUUID().toString(),
                "clusterId", cluster, "version", version,
                "members", List.of(new SecretariatUser(userId, "sec", userId + "@example.test", "zh-CN"))));
    }

    private void awaitMembershipQueueDrained() throws IOException {
        awaitDrained(MemberAdmitted.ROUTING_KEY, Map.of());
    }

    private void awaitEventsQueueDrained() throws IOException {
        awaitDrained(RegistrationConfirmed.ROUTING_KEY, Map.of("registrationId", newId("reg")));
    }

    /**
     * Waits until everything published to a queue before has been handled (one consumer takes them in order): an
     * event behind them for a new enterprise reaches its user.
     */
    private void awaitDrained(String routingKey, Map<String, Object> overrides) throws IOException {
        String enterprise = newId("ent");
        String sentinel = linkedUser(enterprise, "s-" + enterprise + "@example.test", "en");
        Map<String, Object> fields = new HashMap<>(overrides);
        fields.put("enterpriseId", enterprise);
        String eventId = publishFixture(routingKey, fields);
        await().until(() -> notificationOf(sentinel, eventId) != null);
    }
}
