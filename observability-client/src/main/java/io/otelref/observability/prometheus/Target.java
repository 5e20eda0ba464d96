package io.otelref.observability.prometheus;

/**
 * One active scrape target.
 *
 * @param health    {@code up}, {@code down} or {@code unknown} (not scraped yet)
 * @param lastError empty when the last scrape worked
 */
public record Target(String job, String instance, String health, String scrapeUrl, String lastError) {

    public boolean isUp() {
        return "up".equals(health);
    }
}
