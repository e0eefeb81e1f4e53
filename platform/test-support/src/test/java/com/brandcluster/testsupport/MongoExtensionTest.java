package com.brandcluster.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoExtensionTest {

    @Test
    void putsTheTestDatabaseIntoAConnectionStringKeepingHostsAndOptions() {
        assertThat(MongoExtension.withDatabase("mongodb://localhost:27017", "t1"))
                .isEqualTo("mongodb://localhost:27017/t1");
        assertThat(MongoExtension.withDatabase("mongodb://a:1,b:2/app?replicaSet=rs0&w=majority", "t1"))
                .isEqualTo("mongodb://a:1,b:2/t1?replicaSet=rs0&w=majority");
        assertThat(MongoExtension.withDatabase("mongodb+srv://cluster.example.net/?retryWrites=true", "t1"))
                .isEqualTo("mongodb+srv://cluster.example.net/t1?retryWrites=true");
    }

    @Test
    void keepsAuthenticatingAgainstTheOriginalDatabase() {
        assertThat(MongoExtension.withDatabase("mongodb://u:p@db:27017/app", "t1"))
                .isEqualTo("mongodb://u:p@db:27017/t1?authSource=app");
        assertThat(MongoExtension.withDatabase("mongodb://u:p@db:27017", "t1"))
                .isEqualTo("mongodb://u:p@db:27017/t1?authSource=admin");
        assertThat(MongoExtension.withDatabase("mongodb://u:p@db/app?authSource=admin", "t1"))
                .isEqualTo("mongodb://u:p@db/t1?authSource=admin");
    }

    @Test
    void refusesAMalformedConnectionString() {
        assertThatThrownBy(() -> MongoExtension.withDatabase("localhost:27017", "t1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
