package com.brandcluster.events.board;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param postsPerDay     how many posts an enterprise may put on one cluster's board per day (UTC)
 * @param maxValidity     how far ahead a post's {@code validUntil} may lie
 * @param matchCandidates how many posts of the other side, newest first, matching considers for one post
 */
@ConfigurationProperties("brandcluster.board")
record BoardProperties(@DefaultValue("20") int postsPerDay,
                       @DefaultValue("P365D") Duration maxValidity,
                       @DefaultValue("300") int matchCandidates) {
}
