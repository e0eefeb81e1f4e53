/** iCalendar (RFC 5545) export of exchange events. */
@NullMarked
package com.brandcluster.events.calendar;

import org.jspecify.annotations.NullMarked;
