package com.brandcluster.membership.convention;

import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEntry;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.UnprocessableException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One version of a cluster's convention (its charter): DRAFT, edited by the secretariat, then BALLOT, then ADOPTED or
 * REJECTED by the tally; an adopted version becomes SUPERSEDED when a later one is adopted.
 *
 * <p>Pattern 1 (one aggregate, one document): state, history and pending outbox events change in one document write,
 * guarded by {@code @Version}. The version number is unique per cluster (pattern 2: the unique
 * {@code (clusterId, number)} index makes the document its own claim on its number).
 */
@Document("conventions")
@CompoundIndex(name = "cluster_number", def = "{'clusterId': 1, 'number': 1}", unique = true)
@CompoundIndex(name = "cluster_status_adopted", def = "{'clusterId': 1, 'status': 1, 'adoptedAt': -1}")
@CompoundIndex(name = "status_closes", def = "{'status': 1, 'ballot.closesAt': 1}")
@CompoundIndex(name = "supersession_pending", def = "{'supersession': 1, 'adoptedAt': 1}")
class Convention implements OutboxCarrier {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 100_000;
    static final int MAX_SUMMARY = 4_000;
    /** A ballot runs at most this long: a closing time further ahead is a typo, not a plan. */
    static final Duration MAX_BALLOT_LENGTH = Duration.ofDays(366);

    enum Status { DRAFT, BALLOT, ADOPTED, REJECTED, SUPERSEDED }

    enum Outcome { ADOPTED, QUORUM_NOT_REACHED, MAJORITY_AGAINST }

    /**
     * Whether the version an adoption replaced has been marked SUPERSEDED yet (pattern 4, finished by a retry). Set
     * DONE by the service with a conditional update of this field alone.
     */
    enum Supersession { NONE, PENDING, DONE }

    record Change(String action, Status status, Instant at, String by) {
    }

    /** The ballot as opened: the electorate is the snapshot of the enterprises ACTIVE at that moment. */
    record Ballot(Instant openedAt, String openedBy, Instant closesAt, int quorumPercent, List<String> electorate) {
    }

    /** What was cast, as counted by the tally. */
    record Counts(int votesFor, int votesAgainst, int abstentions) {

        int cast() {
            return votesFor + votesAgainst + abstentions;
        }
    }

    record Result(int electorate, int votesFor, int votesAgainst, int abstentions, boolean quorumReached,
                  Outcome outcome, Instant talliedAt, String talliedBy) {
    }

    @Id
    private String id;
    private String clusterId;
    private int number;
    private String title;
    private String body;
    private String changeSummary;
    private Status status;
    private Instant createdAt;
    private String createdBy;
    private Instant updatedAt;
    private Ballot ballot;
    private Result result;
    private Instant adoptedAt;
    private String supersedes;
    private Supersession supersession = Supersession.NONE;
    private String supersededBy;
    private Instant supersededAt;
    /** The closing time whose approach was announced to the enterprises that had not voted (once per ballot). */
    private Instant closingSoonFor;
    private List<Change> history = new ArrayList<>();
    private List<OutboxEntry> outbox = new ArrayList<>();
    @Version
    private Long revision;

    protected Convention() {
    }

    static Convention draft(String id, String clusterId, int number, String title, String body, String changeSummary,
                            String by, Instant at) {
        Convention convention = new Convention();
        convention.id = id;
        convention.clusterId = clusterId;
        convention.number = number;
        convention.status = Status.DRAFT;
        convention.createdAt = at;
        convention.createdBy = by;
        convention.text(title, body, changeSummary, at);
        convention.history.add(new Change("drafted", Status.DRAFT, at, by));
        return convention;
    }

    void edit(String title, String body, String changeSummary, String by, Instant at) {
        requireStatus(Status.DRAFT, "convention-not-draft", "Convention not a draft",
                "Only a DRAFT convention is edited; this one is " + status + ".");
        text(title, body, changeSummary, at);
        history.add(new Change("edited", Status.DRAFT, at, by));
    }

    void openBallot(List<String> electorate, Instant closesAt, int quorumPercent, String by, Instant at) {
        requireStatus(Status.DRAFT, "convention-not-draft", "Convention not a draft",
                "Only a DRAFT convention goes to ballot; this one is " + status + ".");
        Objects.requireNonNull(closesAt, "closesAt");
        if (!closesAt.isAfter(at)) {
            throw new UnprocessableException("closing-time-passed", "Closing time passed",
                    "The ballot's closing time must lie in the future.");
        }
        if (closesAt.isAfter(at.plus(MAX_BALLOT_LENGTH))) {
            throw new UnprocessableException("ballot-too-long", "Ballot too long",
                    "A ballot closes within " + MAX_BALLOT_LENGTH.toDays() + " days of opening.");
        }
        if (quorumPercent < 1 || quorumPercent > 100) {
            throw new UnprocessableException("invalid-quorum", "Invalid quorum",
                    "The quorum is a percentage of the electorate from 1 to 100.");
        }
        if (electorate.isEmpty()) {
            throw new UnprocessableException("empty-electorate", "No electorate",
                    "The cluster has no ACTIVE member enterprise that could vote.");
        }
        this.ballot = new Ballot(at, by, closesAt.truncatedTo(ChronoUnit.MILLIS), quorumPercent,
                List.copyOf(electorate));
        this.status = Status.BALLOT;
        history.add(new Change("ballot-opened", Status.BALLOT, at, by));
    }

    /**
     * Whether the enterprise may cast or change its vote at {@code at}: the ballot is open, has not closed, and the
     * enterprise is in its electorate. Changes nothing: votes live in their own documents.
     */
    void checkVote(String enterpriseId, Instant at) {
        if (status == Status.DRAFT) {
            throw new ConventionConflict("ballot-not-open", "Ballot not open",
                    "This convention is a DRAFT; its ballot has not been opened.").withCurrentState(status.name());
        }
        if (!inElectorate(enterpriseId)) {
            throw new ForbiddenException("The enterprise is not in the electorate of this ballot: only the "
                    + "enterprises ACTIVE when it opened vote.");
        }
        if (status != Status.BALLOT) {
            throw new ConventionConflict("ballot-not-open", "Ballot not open",
                    "The ballot is over: this convention is " + status + ".").withCurrentState(status.name());
        }
        if (!at.isBefore(ballot.closesAt())) {
            throw new ConventionConflict("ballot-closed", "Ballot closed",
                    "The ballot closed at " + ballot.closesAt() + "; its votes are being counted.")
                    .with("closesAt", ballot.closesAt().toString())
                    .withCurrentState(status.name());
        }
    }

    /** Whether the tally may run at {@code at}: the ballot is open and its closing time has come. */
    void checkTally(Instant at) {
        if (status != Status.BALLOT) {
            throw new ConventionConflict("ballot-not-open", "Ballot not open",
                    "Only a convention in BALLOT is tallied; this one is " + status + ".")
                    .withCurrentState(status.name());
        }
        if (at.isBefore(ballot.closesAt())) {
            throw new ConventionConflict("ballot-still-open", "Ballot still open",
                    "The ballot closes at " + ballot.closesAt() + "; it is tallied after that.")
                    .with("closesAt", ballot.closesAt().toString())
                    .withCurrentState(status.name());
        }
    }

    /**
     * Counts the ballot: quorum when the votes cast (abstentions included) reach {@code quorumPercent} of the
     * electorate; ADOPTED with quorum and more votes for than against, else REJECTED.
     *
     * @param currentlyAdopted the cluster's adopted convention this one supersedes when adopted, or null
     */
    Outcome tally(Counts counts, String currentlyAdopted, String by, Instant at) {
        checkTally(at);
        int electorate = ballot.electorate().size();
        if (counts.cast() > electorate || counts.votesFor() < 0 || counts.votesAgainst() < 0 || counts.abstentions() < 0) {
            throw new IllegalArgumentException("More votes than voters: " + counts + " of " + electorate);
        }
        boolean quorumReached = (long) counts.cast() * 100 >= (long) ballot.quorumPercent() * electorate;
        Outcome outcome = !quorumReached ? Outcome.QUORUM_NOT_REACHED
                : counts.votesFor() > counts.votesAgainst() ? Outcome.ADOPTED : Outcome.MAJORITY_AGAINST;
        this.result = new Result(electorate, counts.votesFor(), counts.votesAgainst(), counts.abstentions(),
                quorumReached, outcome, at, by);
        if (outcome == Outcome.ADOPTED) {
            this.status = Status.ADOPTED;
            this.adoptedAt = at;
            this.supersedes = currentlyAdopted;
            this.supersession = currentlyAdopted == null ? Supersession.NONE : Supersession.PENDING;
            history.add(new Change("adopted", Status.ADOPTED, at, by));
        } else {
            this.status = Status.REJECTED;
            history.add(new Change("rejected", Status.REJECTED, at, by));
        }
        return outcome;
    }

    /** A later version was adopted: this one stays readable as SUPERSEDED. */
    void supersede(String byConventionId, Instant at) {
        requireStatus(Status.ADOPTED, "convention-not-adopted", "Convention not adopted",
                "Only the ADOPTED convention is superseded; this one is " + status + ".");
        this.status = Status.SUPERSEDED;
        this.supersededBy = byConventionId;
        this.supersededAt = at;
        history.add(new Change("superseded", Status.SUPERSEDED, at, "convention:" + byConventionId));
    }

    /** Members accept the current convention only: the ADOPTED one. */
    void checkAcceptable() {
        requireStatus(Status.ADOPTED, "convention-not-current", "Convention not current",
                "Members accept the cluster's current (ADOPTED) convention; this one is " + status + ".");
    }

    /** Adopted and superseded versions are the cluster's published charter; drafts, ballots and rejections are not. */
    boolean isPublished() {
        return status == Status.ADOPTED || status == Status.SUPERSEDED;
    }

    boolean inElectorate(String enterpriseId) {
        return ballot != null && enterpriseId != null && ballot.electorate().contains(enterpriseId);
    }

    void announce(OutboxEntry entry) {
        outbox.add(entry);
    }

    /** The aggregate version that events about this convention carry: one per recorded change. */
    long version() {
        return history.size();
    }

    private void text(String title, String body, String changeSummary, Instant at) {
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            throw new UnprocessableException("invalid-convention-text", "Invalid convention text",
                    "A title of 1 to " + MAX_TITLE + " characters is required.");
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            throw new UnprocessableException("invalid-convention-text", "Invalid convention text",
                    "A body of 1 to " + MAX_BODY + " characters is required.");
        }
        if (changeSummary != null && changeSummary.length() > MAX_SUMMARY) {
            throw new UnprocessableException("invalid-convention-text", "Invalid convention text",
                    "The summary of changes has at most " + MAX_SUMMARY + " characters.");
        }
        this.title = title.strip();
        this.body = body;
        this.changeSummary = changeSummary;
        this.updatedAt = at;
    }

    private void requireStatus(Status required, String type, String title, String detail) {
        if (status != required) {
            throw new ConventionConflict(type, title, detail).withCurrentState(status.name());
        }
    }

    @Override
    public List<OutboxEntry> outbox() {
        return outbox;
    }

    String id() {
        return id;
    }

    String clusterId() {
        return clusterId;
    }

    int number() {
        return number;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    String changeSummary() {
        return changeSummary;
    }

    Status status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Ballot ballot() {
        return ballot;
    }

    Result result() {
        return result;
    }

    Instant adoptedAt() {
        return adoptedAt;
    }

    String supersedes() {
        return supersedes;
    }

    Supersession supersession() {
        return supersession;
    }

    String supersededBy() {
        return supersededBy;
    }

    Instant supersededAt() {
        return supersededAt;
    }

    Instant closingSoonFor() {
        return closingSoonFor;
    }

    Long revision() {
        return revision;
    }

    List<Change> history() {
        return List.copyOf(history);
    }
}
