/** iCalendar (RFC 5545) export of exchange events and of an enterprise's B2B meetings at one. */
@NullMarked
package com.brandcluster.events.calendar;

import org.jspecify.annotations.NullMarked;
