package com.brandcluster.salons.availability;

import java.time.Instant;
import java.util.List;

/**
 * A source of time an expert already has taken (booked consultations, salon sessions they lead). Every bean of this
 * type is asked when slots are computed and when a slot is booked. An implementation returns the
 * sessions (without buffers: the calendar adds them) that overlap {@code [from, to)}; each interval counts as one
 * session towards the expert's daily maximum.
 */
public interface TakenTime {

    List<SlotCalendar.Interval> takenBetween(String expertId, Instant from, Instant to);
}
