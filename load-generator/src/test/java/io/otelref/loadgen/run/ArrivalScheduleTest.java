package io.otelref.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void steadyRateSpacesArrivalsEvenly() {
        ArrivalSchedule schedule = new ArrivalSchedule(100, Duration.ZERO, Duration.ofSeconds(1));

        assertEquals(0, schedule.offsetNanos(0).getAsLong());
        assertEquals(10_000_000, schedule.offsetNanos(1).getAsLong(), 1);
        assertEquals(990_000_000, schedule.offsetNanos(99).getAsLong(), 1);
        assertTrue(schedule.offsetNanos(100).isEmpty(), "the 101st arrival would be after the run");
    }

    @Test
    void rampUpDeliversHalfTheFullRateOnAverageThenTheFullRate() {
        ArrivalSchedule schedule = new ArrivalSchedule(100, Duration.ofSeconds(2), Duration.ofSeconds(1));

        assertEquals(200, arrivals(schedule), "100/s ramped over 2 s (100) then 1 s at 100/s");
        assertEquals(50, schedule.rateAt(1.0), 1e-9);
        assertEquals(100, schedule.rateAt(2.5), 1e-9);
        long firstSecond = 0;
        while (schedule.offsetNanos(firstSecond).getAsLong() < 1_000_000_000L) {
            firstSecond++;
        }
        assertEquals(25, firstSecond, "a quarter of the ramp's arrivals fall in its first half");
    }

    private static long arrivals(ArrivalSchedule schedule) {
        long n = 0;
        while (schedule.offsetNanos(n).isPresent()) {
            n++;
        }
        return n;
    }
}
