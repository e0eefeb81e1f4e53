package com.brandcluster.platform.messaging.testapp;

import com.brandcluster.testsupport.MongoExtension;

/** The tests' MongoDB with another database, for a second instance of the test service that must not share data. */
public final class OtherDatabase {

    private OtherDatabase() {
    }

    public static String uri(String suffix) {
        String uri = MongoExtension.uri();
        int query = uri.indexOf('?');
        String base = query < 0 ? uri : uri.substring(0, query);
        int slash = base.lastIndexOf('/');
        if (slash <= base.indexOf("//") + 1) {
            throw new IllegalStateException("Expected a database name in " + uri);
        }
        return base.substring(0, slash + 1) + MongoExtension.databaseName() + "_" + suffix
                + (query < 0 ? "" : uri.substring(query));
    }
}
