package com.brandcluster.membership.convention;

import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.DomainException;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.UnprocessableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConventionTest {

    private static final Instant T0 = Instant.parse("2026-04-01T01:00:00Z");
    private static final Instant CLOSES = T0.plus(Duration.ofDays(14));
    private static final List<String> ELECTORATE = List.of("ent-a", "ent-b", "ent-c", "ent-d");

    private static Convention draft() {
        return Convention.draft("c1", "lighting", 2, "Convention (2026 revision)", "Article 1. ...", "Article 7 new",
                "secretary", T0);
    }

    private static Convention inBallot(int quorumPercent) {
        Convention convention = draft();
        convention.openBallot(ELECTORATE, CLOSES, quorumPercent, "secretary", T0.plusSeconds(60));
        return convention;
    }

    private static Convention withStatus(Convention.Status status) {
        return switch (status) {
            case DRAFT -> draft();
            case BALLOT -> inBallot(50);
            case ADOPTED -> {
                Convention c = inBallot(50);
                c.tally(new Convention.Counts(3, 0, 0), null, "secretary", CLOSES);
                yield c;
            }
            case REJECTED -> {
                Convention c = inBallot(50);
                c.tally(new Convention.Counts(0, 3, 0), null, "secretary", CLOSES);
                yield c;
            }
            case SUPERSEDED -> {
                Convention c = withStatus(Convention.Status.ADOPTED);
                c.supersede("c9", CLOSES.plusSeconds(3600));
                yield c;
            }
        };
    }

    private static void assertConflict(Throwable thrown, String type, Convention.Status state) {
        assertThat(thrown).isInstanceOf(ConflictException.class);
        DomainException problem = (DomainException) thrown;
        assertThat(problem.type()).isEqualTo(type);
        assertThat(problem.properties()).containsEntry("currentState", state.name());
    }

    // --- drafting --------------------------------------------------------------------------------------------------

    @Test
    void aNewDraftIsVersionOneOfItsHistory() {
        Convention convention = draft();

        assertThat(convention.status()).isEqualTo(Convention.Status.DRAFT);
        assertThat(convention.number()).isEqualTo(2);
        assertThat(convention.version()).isEqualTo(1);
        assertThat(convention.history()).extracting(Convention.Change::action).containsExactly("drafted");
        assertThat(convention.isPublished()).isFalse();
    }

    @Test
    void aDraftIsEditedAndEachEditCountsAsAChange() {
        Convention convention = draft();

        convention.edit("Convention (2026)", "Article 1 revised", null, "secretary", T0.plusSeconds(5));

        assertThat(convention.title()).isEqualTo("Convention (2026)");
        assertThat(convention.body()).isEqualTo("Article 1 revised");
        assertThat(convention.changeSummary()).isNull();
        assertThat(convention.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(convention.version()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = Convention.Status.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
    void onlyADraftIsEdited(Convention.Status status) {
        Convention convention = withStatus(status);
        long version = convention.version();

        assertConflict(catchThrowableOfType(ConflictException.class,
                () -> convention.edit("t", "b", null, "secretary", CLOSES.plusSeconds(7200))), "convention-not-draft", status);
        assertThat(convention.version()).isEqualTo(version);
    }

    @Test
    void aDraftNeedsATitleAndABodyWithinTheirLimits() {
        assertThatThrownBy(() -> Convention.draft("c", "lighting", 1, " ", "body", null, "s", T0))
                .isInstanceOf(UnprocessableException.class);
        assertThatThrownBy(() -> Convention.draft("c", "lighting", 1, "title", "x".repeat(Convention.MAX_BODY + 1), null, "s", T0))
                .isInstanceOf(UnprocessableException.class);
        assertThatThrownBy(() -> draft().edit("title", "body", "s".repeat(Convention.MAX_SUMMARY + 1), "s", T0))
                .isInstanceOf(UnprocessableException.class);
    }

    // --- opening the ballot ----------------------------------------------------------------------------------------

    @Test
    void aDraftGoesToBallotWithItsElectorateSnapshot() {
        Convention convention = inBallot(50);

        assertThat(convention.status()).isEqualTo(Convention.Status.BALLOT);
        assertThat(convention.ballot().electorate()).containsExactlyElementsOf(ELECTORATE);
        assertThat(convention.ballot().closesAt()).isEqualTo(CLOSES);
        assertThat(convention.ballot().quorumPercent()).isEqualTo(50);
        assertThat(convention.version()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = Convention.Status.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
    void onlyADraftGoesToBallot(Convention.Status status) {
        Convention convention = withStatus(status);

        assertConflict(catchThrowableOfType(ConflictException.class, () -> convention.openBallot(ELECTORATE,
                CLOSES.plus(Duration.ofDays(30)), 50, "secretary", CLOSES.plusSeconds(7200))), "convention-not-draft", status);
    }

    @Test
    void aBallotNeedsAFutureClosingTimeAQuorumAndAnElectorate() {
        Convention convention = draft();

        assertThat(catchThrowableOfType(UnprocessableException.class,
                () -> convention.openBallot(ELECTORATE, T0, 50, "s", T0)).type()).isEqualTo("closing-time-passed");
        assertThat(catchThrowableOfType(UnprocessableException.class,
                () -> convention.openBallot(ELECTORATE, T0.plus(Duration.ofDays(400)), 50, "s", T0)).type())
                .isEqualTo("ballot-too-long");
        assertThat(catchThrowableOfType(UnprocessableException.class,
                () -> convention.openBallot(ELECTORATE, CLOSES, 0, "s", T0)).type()).isEqualTo("invalid-quorum");
        assertThat(catchThrowableOfType(UnprocessableException.class,
                () -> convention.openBallot(ELECTORATE, CLOSES, 101, "s", T0)).type()).isEqualTo("invalid-quorum");
        assertThat(catchThrowableOfType(UnprocessableException.class,
                () -> convention.openBallot(List.of(), CLOSES, 50, "s", T0)).type()).isEqualTo("empty-electorate");
        assertThat(convention.status()).isEqualTo(Convention.Status.DRAFT);
        assertThat(convention.ballot()).isNull();
    }

    // --- voting ----------------------------------------------------------------------------------------------------

    @Test
    void theElectorateVotesUntilTheClosingTime() {
        Convention convention = inBallot(50);

        convention.checkVote("ent-a", CLOSES.minusMillis(1));

        assertConflict(catchThrowableOfType(ConflictException.class, () -> convention.checkVote("ent-a", CLOSES)),
                "ballot-closed", Convention.Status.BALLOT);
    }

    @Test
    void anEnterpriseOutsideTheElectorateDoesNotVote() {
        Convention convention = inBallot(50);

        assertThatThrownBy(() -> convention.checkVote("ent-z", T0.plusSeconds(120)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> convention.checkVote(null, T0.plusSeconds(120)))
                .isInstanceOf(ForbiddenException.class);
    }

    @ParameterizedTest
    @EnumSource(value = Convention.Status.class, names = "BALLOT", mode = EnumSource.Mode.EXCLUDE)
    void noVotesOutsideTheBallot(Convention.Status status) {
        Convention convention = withStatus(status);

        assertConflict(catchThrowableOfType(ConflictException.class,
                () -> convention.checkVote("ent-a", T0.plusSeconds(120))), "ballot-not-open", status);
    }

    // --- the tally -------------------------------------------------------------------------------------------------

    @Test
    void isAdoptedWithQuorumAndMoreVotesForThanAgainst() {
        Convention convention = inBallot(50);

        Convention.Outcome outcome = convention.tally(new Convention.Counts(1, 0, 1), "c0", "secretary", CLOSES);

        assertThat(outcome).isEqualTo(Convention.Outcome.ADOPTED);
        assertThat(convention.status()).isEqualTo(Convention.Status.ADOPTED);
        assertThat(convention.result()).isEqualTo(new Convention.Result(4, 1, 0, 1, true, Convention.Outcome.ADOPTED,
                CLOSES, "secretary"));
        assertThat(convention.adoptedAt()).isEqualTo(CLOSES);
        assertThat(convention.supersedes()).isEqualTo("c0");
        assertThat(convention.supersession()).isEqualTo(Convention.Supersession.PENDING);
        assertThat(convention.isPublished()).isTrue();
        assertThat(convention.version()).isEqualTo(3);
    }

    @Test
    void theFirstAdoptedVersionSupersedesNothing() {
        Convention convention = inBallot(50);

        convention.tally(new Convention.Counts(2, 0, 0), null, "secretary", CLOSES);

        assertThat(convention.supersedes()).isNull();
        assertThat(convention.supersession()).isEqualTo(Convention.Supersession.NONE);
    }

    @Test
    void abstentionsCountTowardTheQuorumButNotTheMajority() {
        Convention quorate = inBallot(75);
        assertThat(quorate.tally(new Convention.Counts(1, 0, 2), null, "s", CLOSES)).isEqualTo(Convention.Outcome.ADOPTED);

        Convention onlyAbstentions = inBallot(75);
        assertThat(onlyAbstentions.tally(new Convention.Counts(0, 0, 3), null, "s", CLOSES))
                .isEqualTo(Convention.Outcome.MAJORITY_AGAINST);
        assertThat(onlyAbstentions.result().quorumReached()).isTrue();
    }

    @Test
    void isRejectedWithoutQuorumWhateverTheVotes() {
        Convention convention = inBallot(75);

        Convention.Outcome outcome = convention.tally(new Convention.Counts(2, 0, 0), "c0", "secretary", CLOSES);

        assertThat(outcome).isEqualTo(Convention.Outcome.QUORUM_NOT_REACHED);
        assertThat(convention.status()).isEqualTo(Convention.Status.REJECTED);
        assertThat(convention.result().quorumReached()).isFalse();
        assertThat(convention.adoptedAt()).isNull();
        assertThat(convention.supersedes()).isNull();
        assertThat(convention.isPublished()).isFalse();
    }

    @Test
    void isRejectedWhenAgainstEqualsOrOutnumbersFor() {
        Convention tied = inBallot(50);
        assertThat(tied.tally(new Convention.Counts(2, 2, 0), null, "s", CLOSES)).isEqualTo(Convention.Outcome.MAJORITY_AGAINST);
        assertThat(tied.status()).isEqualTo(Convention.Status.REJECTED);

        Convention against = inBallot(50);
        assertThat(against.tally(new Convention.Counts(1, 3, 0), null, "s", CLOSES)).isEqualTo(Convention.Outcome.MAJORITY_AGAINST);
    }

    @Test
    void theQuorumIsAPercentageOfTheElectorateReachedExactly() {
        Convention half = inBallot(50);
        half.tally(new Convention.Counts(2, 0, 0), null, "s", CLOSES);
        assertThat(half.result().quorumReached()).isTrue();

        Convention justShort = inBallot(51);
        justShort.tally(new Convention.Counts(2, 0, 0), null, "s", CLOSES);
        assertThat(justShort.result().quorumReached()).isFalse();
    }

    @Test
    void isNotTalliedBeforeItsClosingTime() {
        Convention convention = inBallot(50);

        assertConflict(catchThrowableOfType(ConflictException.class,
                () -> convention.tally(new Convention.Counts(3, 0, 0), null, "s", CLOSES.minusMillis(1))),
                "ballot-still-open", Convention.Status.BALLOT);
        assertThat(convention.status()).isEqualTo(Convention.Status.BALLOT);
        assertThat(convention.result()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = Convention.Status.class, names = "BALLOT", mode = EnumSource.Mode.EXCLUDE)
    void onlyABallotIsTallied(Convention.Status status) {
        Convention convention = withStatus(status);
        long version = convention.version();

        assertConflict(catchThrowableOfType(ConflictException.class,
                () -> convention.tally(new Convention.Counts(3, 0, 0), null, "s", CLOSES.plusSeconds(99_999))),
                "ballot-not-open", status);
        assertThat(convention.version()).isEqualTo(version);
    }

    @Test
    void refusesMoreVotesThanVoters() {
        Convention convention = inBallot(50);

        assertThatThrownBy(() -> convention.tally(new Convention.Counts(5, 0, 0), null, "s", CLOSES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- supersession and acceptance -------------------------------------------------------------------------------

    @Test
    void anAdoptedVersionIsSupersededAndStaysReadable() {
        Convention convention = withStatus(Convention.Status.ADOPTED);

        convention.supersede("c9", CLOSES.plusSeconds(60));

        assertThat(convention.status()).isEqualTo(Convention.Status.SUPERSEDED);
        assertThat(convention.supersededBy()).isEqualTo("c9");
        assertThat(convention.supersededAt()).isEqualTo(CLOSES.plusSeconds(60));
        assertThat(convention.isPublished()).isTrue();
        assertThat(convention.body()).isEqualTo("Article 1. ...");
        assertThat(convention.version()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(value = Convention.Status.class, names = "ADOPTED", mode = EnumSource.Mode.EXCLUDE)
    void onlyTheAdoptedVersionIsSuperseded(Convention.Status status) {
        Convention convention = withStatus(status);

        assertConflict(catchThrowableOfType(ConflictException.class, () -> convention.supersede("c9", CLOSES)),
                "convention-not-adopted", status);
    }

    @Test
    void membersAcceptTheAdoptedVersion() {
        Convention convention = withStatus(Convention.Status.ADOPTED);

        convention.checkAcceptable();

        assertThat(convention.status()).isEqualTo(Convention.Status.ADOPTED);
    }

    @ParameterizedTest
    @EnumSource(value = Convention.Status.class, names = "ADOPTED", mode = EnumSource.Mode.EXCLUDE)
    void onlyTheCurrentVersionIsAccepted(Convention.Status status) {
        Convention convention = withStatus(status);

        assertConflict(catchThrowableOfType(ConflictException.class, convention::checkAcceptable),
                "convention-not-current", status);
    }
}
