package com.brandcluster.notification.inbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** Named message arguments for a {@link NotificationRequest}. */
public final class Args {

    private Args() {
    }

    /** {@code of("title", title, "startsAt", startsAt)}; null values are left out (the placeholder then stays). */
    public static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Names and values come in pairs");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                args.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return args;
    }
}
