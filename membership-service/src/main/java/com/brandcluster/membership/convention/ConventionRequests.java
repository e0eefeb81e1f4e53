package com.brandcluster.membership.convention;

import com.brandcluster.membership.membership.Membership;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

@NullMarked
final class ConventionRequests {

    private ConventionRequests() {
    }

    /** The text of a draft: creating one, or replacing a draft's text. */
    record Text(@NotBlank @Size(max = Convention.MAX_TITLE) String title,
                @NotBlank @Size(max = Convention.MAX_BODY) String body,
                @Size(max = Convention.MAX_SUMMARY) @Nullable String changeSummary) {
    }

    record OpenBallot(@NotNull Instant closesAt, @NotNull @Min(1) @Max(100) Integer quorumPercent) {
    }

    record Vote(@NotNull ConventionVote.Choice choice) {
    }

    /** A convention version with its text; the ballot without its electorate, the result as counts only. */
    record ConventionView(String id, String clusterId, int conventionVersion, String title, String body,
                          @Nullable String changeSummary, String status, Instant createdAt, Instant updatedAt,
                          @Nullable BallotView ballot, @Nullable ResultView result, @Nullable Instant adoptedAt,
                          @Nullable String supersedes, @Nullable String supersededBy, @Nullable Instant supersededAt,
                          long version) {

        static ConventionView of(Convention c) {
            return new ConventionView(c.id(), c.clusterId(), c.number(), c.title(), c.body(), c.changeSummary(),
                    c.status().name(), c.createdAt(), c.updatedAt(), BallotView.of(c.ballot()), ResultView.of(c.result()),
                    c.adoptedAt(), c.supersedes(), c.supersededBy(), c.supersededAt(), c.version());
        }
    }

    /** A version in the cluster's list, without its text. */
    record ConventionSummary(String id, String clusterId, int conventionVersion, String title,
                             @Nullable String changeSummary, String status, Instant updatedAt,
                             @Nullable Instant closesAt, @Nullable Instant adoptedAt, @Nullable String outcome,
                             long version) {

        static ConventionSummary of(Convention c) {
            return new ConventionSummary(c.id(), c.clusterId(), c.number(), c.title(), c.changeSummary(),
                    c.status().name(), c.updatedAt(), c.ballot() == null ? null : c.ballot().closesAt(),
                    c.adoptedAt(), c.result() == null ? null : c.result().outcome().name(), c.version());
        }
    }

    record BallotView(Instant openedAt, Instant closesAt, int quorumPercent, int electorate) {

        static @Nullable BallotView of(Convention.@Nullable Ballot ballot) {
            return ballot == null ? null : new BallotView(ballot.openedAt(), ballot.closesAt(), ballot.quorumPercent(),
                    ballot.electorate().size());
        }
    }

    record ResultView(int electorate, int votesFor, int votesAgainst, int abstentions, boolean quorumReached,
                      String outcome, Instant talliedAt) {

        static @Nullable ResultView of(Convention.@Nullable Result result) {
            return result == null ? null : new ResultView(result.electorate(), result.votesFor(),
                    result.votesAgainst(), result.abstentions(), result.quorumReached(), result.outcome().name(),
                    result.talliedAt());
        }
    }

    record VoteView(String conventionId, String enterpriseId, String choice, Instant castAt) {

        static VoteView of(ConventionVote vote) {
            return new VoteView(vote.conventionId(), vote.enterpriseId(), vote.choice().name(), vote.castAt());
        }
    }

    record AcceptanceView(String conventionId, int conventionVersion, String enterpriseId, String enterpriseName,
                          Instant acceptedAt) {

        static AcceptanceView of(ConventionAcceptance a) {
            return new AcceptanceView(a.conventionId(), a.conventionVersion(), a.enterpriseId(), a.enterpriseName(),
                    a.acceptedAt());
        }
    }

    record MemberView(String enterpriseId, String enterpriseName, String memberNumber) {

        static MemberView of(Membership m) {
            return new MemberView(m.enterpriseId(), m.enterpriseName(), m.memberNumber());
        }
    }

    /** Who accepted a version and which ACTIVE members have not. */
    record AcceptanceReport(String conventionId, int conventionVersion, String status, List<AcceptanceView> accepted,
                            List<MemberView> notAccepted) {

        static AcceptanceReport of(Acceptances.Report report) {
            return new AcceptanceReport(report.convention().id(), report.convention().number(),
                    report.convention().status().name(),
                    report.accepted().stream().map(AcceptanceView::of).toList(),
                    report.notAccepted().stream().map(MemberView::of).toList());
        }
    }
}
