package com.brandcluster.membership.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClustersTest {

    @Test
    void derivesMemberNumberPrefixesFromTheSlug() {
        assertThat(Clusters.defaultPrefix("lighting")).isEqualTo("LIGHT");
        assertThat(Clusters.defaultPrefix("coking-coal")).isEqualTo("COKIN");
        assertThat(Clusters.defaultPrefix("tea")).isEqualTo("TEA");
    }
}
