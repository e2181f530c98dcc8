//! The staff dashboard's pure parts: the city's days as time ranges (so the
//! database counts per local day, summer time included), the neighbourhood
//! coverage, and the geometry of the per-day chart.

use chrono::{NaiveDate, TimeZone};
use chrono_tz::Tz;

/// The most days a dashboard shows (the latest ones): a year and a day.
pub const MAX_DAYS: usize = 366;

/// One local day of the city as a range of Unix seconds, `[starts, ends)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    pub day: NaiveDate,
    pub starts: i64,
    pub ends: i64,
}

/// The first instant of `day` in `tz` (midnight, or the first hour that
/// exists when the clocks skip midnight).
fn day_start(day: NaiveDate, tz: Tz) -> i64 {
    (0..24)
        .find_map(|h| {
            tz.from_local_datetime(&day.and_hms_opt(h, 0, 0)?)
                .earliest()
        })
        .map(|t| t.timestamp())
        .unwrap_or_else(|| {
            day.and_hms_opt(0, 0, 0)
                .unwrap_or_default()
                .and_utc()
                .timestamp()
        })
}

/// The local day of the instant `at` in `tz`.
pub fn local_day(at: i64, tz: Tz) -> NaiveDate {
    chrono::DateTime::from_timestamp(at, 0)
        .unwrap_or_default()
        .with_timezone(&tz)
        .date_naive()
}

/// Every day from `first` to `last` (inclusive) as time ranges; only the
/// last [`MAX_DAYS`] when there are more.
pub fn day_ranges(first: NaiveDate, last: NaiveDate, tz: Tz) -> Vec<DayRange> {
    if last < first {
        return Vec::new();
    }
    let count = ((last - first).num_days() as usize + 1).min(MAX_DAYS);
    let first = last - chrono::Days::new(count as u64 - 1);
    first
        .iter_days()
        .take(count)
        .map(|day| DayRange {
            day,
            starts: day_start(day, tz),
            ends: day_start(day.succ_opt().unwrap_or(day), tz),
        })
        .collect()
}

/// How many of the consultation's neighbourhoods took part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub covered: usize,
    pub total: usize,
    /// The neighbourhoods with nobody, in the consultation's order.
    pub missing: Vec<String>,
}

/// The coverage of `configured` by the participants counted per group.
pub fn coverage(configured: &[String], counts: &[(String, i64)]) -> Coverage {
    let count = |n: &str| counts.iter().find(|(g, _)| g == n).map_or(0, |(_, c)| *c);
    let missing: Vec<String> = configured
        .iter()
        .filter(|n| count(n) == 0)
        .cloned()
        .collect();
    Coverage {
        covered: configured.len() - missing.len(),
        total: configured.len(),
        missing,
    }
}

/// Rows of a group table: each of `order` (zeros included), then groups
/// found but not in `order` (a neighbourhood since removed from the list),
/// then the participants who said nothing (`None`).
pub fn group_rows(order: &[String], counts: &[(String, i64)]) -> Vec<(Option<String>, i64)> {
    let count = |n: &str| {
        counts
            .iter()
            .filter(|(g, _)| g == n)
            .map(|(_, c)| *c)
            .sum::<i64>()
    };
    let mut rows: Vec<(Option<String>, i64)> =
        order.iter().map(|n| (Some(n.clone()), count(n))).collect();
    let mut others: Vec<&(String, i64)> = counts
        .iter()
        .filter(|(g, _)| !g.is_empty() && !order.contains(g))
        .collect();
    others.sort();
    rows.extend(others.into_iter().map(|(g, c)| (Some(g.clone()), *c)));
    rows.push((None, count("")));
    rows
}

/// The smallest "round" number (1, 2 or 5 times a power of ten) at least `max`.
pub fn nice_max(max: i64) -> i64 {
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if step * m >= max {
                return step * m;
            }
        }
        step *= 10;
    }
}

/// Where a chart draws: its plotting area inside the SVG.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plot {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

impl Plot {
    /// The x of the middle of slot `i` of `n`.
    pub fn x(&self, i: usize, n: usize) -> f64 {
        self.left + (i as f64 + 0.5) * self.width / n.max(1) as f64
    }

    /// The y of `value` on a scale from 0 (bottom) to `max` (top).
    pub fn y(&self, value: i64, max: i64) -> f64 {
        self.top + self.height - value as f64 / max.max(1) as f64 * self.height
    }

    /// An SVG `points` attribute for `values`, one per slot.
    pub fn points(&self, values: &[i64], max: i64) -> String {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| format!("{:.1},{:.1}", self.x(i, values.len()), self.y(*v, max)))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The gridlines: (value, y) for 0, a quarter, half, three quarters and `max`.
    pub fn ticks(&self, max: i64) -> Vec<(i64, f64)> {
        let max = max.max(1);
        let steps: Vec<i64> = if max < 4 {
            (0..=max).collect()
        } else {
            (0..=4).map(|k| max * k / 4).collect()
        };
        steps.into_iter().map(|v| (v, self.y(v, max))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn days_follow_the_city_clock_across_summer_time() {
        let tz = chrono_tz::Europe::Paris;
        let days = day_ranges(date("2021-10-30"), date("2021-11-01"), tz);
        assert_eq!(days.len(), 3);
        // 30 October 2021 starts at 22:00 UTC the day before (UTC+2).
        assert_eq!(days[0].starts, 1_635_544_800);
        // 31 October has 25 hours: the clocks went back.
        assert_eq!(days[1].ends - days[1].starts, 25 * 3600);
        assert_eq!(days[2].ends - days[2].starts, 24 * 3600);
        for pair in days.windows(2) {
            assert_eq!(pair[0].ends, pair[1].starts);
        }
        assert_eq!(local_day(days[1].starts, tz), date("2021-10-31"));
        assert_eq!(local_day(days[1].starts - 1, tz), date("2021-10-30"));
    }

    #[test]
    fn day_ranges_keep_the_latest_days() {
        let tz = chrono_tz::UTC;
        assert!(day_ranges(date("2022-01-02"), date("2022-01-01"), tz).is_empty());
        let days = day_ranges(date("2020-01-01"), date("2022-01-01"), tz);
        assert_eq!(days.len(), MAX_DAYS);
        assert_eq!(days.last().unwrap().day, date("2022-01-01"));
    }

    #[test]
    fn coverage_names_the_missing_neighbourhoods_in_order() {
        let configured: Vec<String> = ["Dornach", "Rebberg", "Coteaux"].map(String::from).to_vec();
        let counts = vec![
            ("Rebberg".to_owned(), 4),
            ("".to_owned(), 9),
            ("Ailleurs".to_owned(), 1),
        ];
        let c = coverage(&configured, &counts);
        assert_eq!((c.covered, c.total), (1, 3));
        assert_eq!(c.missing, ["Dornach", "Coteaux"]);
        let rows = group_rows(&configured, &counts);
        assert_eq!(
            rows,
            [
                (Some("Dornach".to_owned()), 0),
                (Some("Rebberg".to_owned()), 4),
                (Some("Coteaux".to_owned()), 0),
                (Some("Ailleurs".to_owned()), 1),
                (None, 9),
            ]
        );
    }

    #[test]
    fn nice_maxima_round_up() {
        assert_eq!(nice_max(0), 1);
        assert_eq!(nice_max(1), 1);
        assert_eq!(nice_max(3), 5);
        assert_eq!(nice_max(7), 10);
        assert_eq!(nice_max(11), 20);
        assert_eq!(nice_max(480), 500);
        assert_eq!(nice_max(501), 1000);
    }

    #[test]
    fn chart_points_sit_in_their_slots_on_the_scale() {
        let plot = Plot {
            left: 40.0,
            top: 10.0,
            width: 300.0,
            height: 100.0,
        };
        assert_eq!(
            plot.points(&[0, 5, 10], 10),
            "90.0,110.0 190.0,60.0 290.0,10.0"
        );
        assert_eq!(plot.y(0, 0), 110.0);
        let ticks = plot.ticks(20);
        assert_eq!(ticks.first(), Some(&(0, 110.0)));
        assert_eq!(ticks.last(), Some(&(20, 10.0)));
        assert_eq!(plot.ticks(2).len(), 3);
    }
}
