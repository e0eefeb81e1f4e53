package com.brandcluster.contracts.membership;

/** The counted votes of a convention ballot; individual votes are never published. */
public record Tally(int electorate, int votesFor, int votesAgainst, int abstentions, boolean quorumReached) {
}
