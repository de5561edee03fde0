//! Calendar dates (proleptic Gregorian, UTC) for key rotation, certificate expiry and `--now`:
//! parsed and written as ISO 8601 `YYYY-MM-DD` (RFC 3339 `full-date`), counted in days. Every
//! use works in whole days, so no time of day or time zone is kept; the moments of `--at` and of
//! certificate validity are written and read as `YYYY-MM-DD HH:MM:SS UTC` beside them.

use std::fmt;
use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Days since 1970-01-01.
    days: i64,
}

impl Date {
    /// Today in UTC, from the system clock.
    pub fn today() -> Self {
        Self::of(SystemTime::now())
    }

    /// The day holding `secs` seconds since 1970-01-01 UTC.
    pub fn from_unix(secs: i64) -> Self {
        Self {
            days: secs.div_euclid(86_400),
        }
    }

    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<Self> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then(|| Self {
            days: days_from_civil(year, month, day),
        })
    }

    /// (year, month, day).
    pub fn ymd(self) -> (i64, u32, u32) {
        civil_from_days(self.days)
    }

    pub fn year(self) -> i64 {
        self.ymd().0
    }

    pub fn month(self) -> u32 {
        self.ymd().1
    }

    /// The quarter of the year, 1 to 4.
    pub fn quarter(self) -> u32 {
        (self.month() - 1) / 3 + 1
    }

    pub fn add_days(self, days: i64) -> Self {
        Self {
            days: self.days.saturating_add(days),
        }
    }

    /// Midnight UTC at the start of the day (`--at DATE`); the epoch for days before it.
    pub fn start(self) -> SystemTime {
        let secs = u64::try_from(self.days).unwrap_or(0) * 86_400;
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    /// The day (UTC) of a moment; the epoch's for moments before it.
    pub fn of(time: SystemTime) -> Self {
        let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        Self::from_unix(i64::try_from(secs).unwrap_or(0))
    }

    /// Days from `earlier` to `self` (negative when `earlier` is later).
    pub fn days_since(self, earlier: Date) -> i64 {
        self.days - earlier.days
    }
}

/// A moment as `YYYY-MM-DD HH:MM:SS UTC`, as certificate validity is shown.
pub fn utc_text(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let rest = secs % 86_400;
    format!(
        "{} {:02}:{:02}:{:02} UTC",
        Date::of(time),
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Reads what [`utc_text`] writes; `None` for anything else or a moment before 1970.
pub fn parse_utc_text(text: &str) -> Option<SystemTime> {
    let (day, rest) = text.split_once(' ')?;
    let clock = rest.strip_suffix(" UTC")?;
    let date: Date = day.parse().ok()?;
    let parts: Vec<u64> = clock
        .split(':')
        .map(|p| p.parse().ok().filter(|_| p.len() == 2))
        .collect::<Option<_>>()?;
    let [h, m, s] = parts[..] else {
        return None;
    };
    if h > 23 || m > 59 || s > 60 || date.days < 0 {
        return None;
    }
    Some(date.start() + Duration::from_secs(h * 3600 + m * 60 + s))
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl FromStr for Date {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("{} is not a date as YYYY-MM-DD", crate::sanitize::quoted(s));
        let parts: Vec<&str> = s.trim().split('-').collect();
        let [y, m, d] = parts[..] else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse()) else {
            return Err(bad());
        };
        Self::from_ymd(y, m, d).ok_or_else(bad)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_read_back_as_written() {
        let at: Date = "2031-02-28".parse().unwrap();
        assert_eq!(utc_text(at.start()), "2031-02-28 00:00:00 UTC");
        let later = at.start() + Duration::from_secs(13 * 3600 + 5 * 60 + 9);
        assert_eq!(utc_text(later), "2031-02-28 13:05:09 UTC");
        assert_eq!(parse_utc_text(&utc_text(later)), Some(later));
        assert_eq!(Date::of(later), at);
        for bad in [
            "2031-02-28",
            "2031-02-28 25:00:00 UTC",
            "2031-02-28 1:00:00 UTC",
            "x y UTC",
        ] {
            assert_eq!(parse_utc_text(bad), None, "{bad}");
        }
    }

    #[test]
    fn round_trips_and_counts_days() {
        for text in ["1970-01-01", "2000-02-29", "2026-12-31", "2100-03-01"] {
            assert_eq!(text.parse::<Date>().unwrap().to_string(), text);
        }
        let d: Date = "2026-10-01".parse().unwrap();
        assert_eq!(d.quarter(), 4);
        assert_eq!(d.add_days(92).to_string(), "2027-01-01");
        assert_eq!(d.add_days(92).days_since(d), 92);
        for bad in ["2026-02-29", "2026-13-01", "26-01-01", "2026-1-01", "x"] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }
}
