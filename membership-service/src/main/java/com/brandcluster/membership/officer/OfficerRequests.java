package com.brandcluster.membership.officer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What clients send to the officer endpoints, and what they get back. */
@NullMarked
final class OfficerRequests {

    private OfficerRequests() {
    }

    /**
     * The new slate. {@code expectedVersion}, when given, is the version the client read: the slate is replaced only
     * if nobody replaced it in between (409 {@code slate-changed} otherwise).
     */
    record ReplaceSlate(@NotNull @Size(max = 50) List<@Valid @NotNull OfficerInput> officers,
                        @Min(0) @Nullable Long expectedVersion,
                        @Size(max = 2000) @Nullable String reason) {
    }

    record OfficerInput(@NotNull Seat seat,
                        @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be an enterprise id") String enterpriseId,
                        @NotBlank @Size(max = 100) String person,
                        @NotNull LocalDate termStart,
                        @NotNull LocalDate termEnd) {
    }

    /** An officer as the public sees it: the seat, the enterprise (its current name) and the person, the term. */
    record OfficerView(Seat seat, String enterpriseId, String enterpriseName, String person, LocalDate termStart,
                       LocalDate termEnd) {

        static OfficerView of(Officer officer, Map<String, String> currentNames) {
            return new OfficerView(officer.seat(), officer.enterpriseId(),
                    currentNames.getOrDefault(officer.enterpriseId(), officer.enterpriseName()), officer.person(),
                    officer.termStart(), officer.termEnd());
        }
    }

    /** The current slate, public: no user ids. {@code version} 0 and no officers before the first slate. */
    record SlateView(String clusterId, long version, @Nullable Instant setAt, List<OfficerView> officers) {
    }

    /** A slate of the history, for the secretariat: who set it, when and why, as it was then. */
    record SlateVersionView(long version, Instant setAt, String setBy, @Nullable String setByName,
                            @Nullable String reason, List<Officer> officers) {

        static SlateVersionView of(OfficerSlate.SlateVersion v) {
            return new SlateVersionView(v.number(), v.setAt(), v.setBy(), v.setByName(), v.reason(), v.officers());
        }
    }
}
