/**
 * The {@code events} dataset (the 100M-row event analytics challenge): one {@code events} table partitioned
 * by month on {@code event_time}, with sessions of page views, clicks, form submits, video plays and
 * downloads by a Pareto-distributed user population, business-hour and weekend traffic shapes, a
 * nine-country geography, realistic devices/browsers/operating systems/referrers and JSONB properties; plus
 * the SQL checks that measure each of those distributions after a load.
 */
package io.loadbench.loader.datasets.events;
