//! The version calendar: `YYYYMM[.RR]` values, dates, and the status of a version on a day.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

/// A month without a release, as the rule table records it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotReleased {
    pub version: String,
    pub grade: Grade,
    pub source: String,
}

/// A published sunset date, as the rule table records it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SunsetEntry {
    pub version: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub grade: Grade,
    pub source: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// How well a fact is sourced: primary (LinkedIn/Microsoft docs, official clients) or secondary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Grade {
    P,
    S,
}

/// The version calendar in checked form.
#[derive(Debug, Clone)]
pub struct Calendar {
    pub first: Version,
    pub latest: Version,
    pub support_months: u32,
    pub expiring_days: u32,
    pub policy_source: String,
    /// Months without a release, with their source.
    pub not_released: BTreeMap<u32, NotReleased>,
    /// Explicit sunsets by month index (`year * 12 + month - 1`).
    pub sunsets: BTreeMap<u32, (Date, SunsetEntry)>,
}

/// A LinkedIn API version, `YYYYMM` or `YYYYMM.RR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    pub year: u16,
    pub month: u8,
    pub patch: Option<u8>,
}

/// Why a version value is not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionError {
    /// Eight digits that read as `YYYYMMDD`; the `YYYYMM` form is what LinkedIn documents.
    EightDigit(Version),
    /// Anything else; the reason says what.
    Malformed(String),
}

impl fmt::Display for VersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VersionError::EightDigit(v) => {
                write!(f, "eight digits (YYYYMMDD); LinkedIn documents {v}")
            }
            VersionError::Malformed(r) => f.write_str(r),
        }
    }
}

impl Version {
    /// Parse `YYYYMM` or `YYYYMM.RR`.
    pub fn parse(s: &str) -> Result<Version, VersionError> {
        let (main, patch) = match s.split_once('.') {
            Some((m, p)) => (m, Some(p)),
            None => (s, None),
        };
        if !main.bytes().all(|b| b.is_ascii_digit()) || main.is_empty() {
            return Err(VersionError::Malformed(
                "expected digits in the form YYYYMM or YYYYMM.RR".into(),
            ));
        }
        if main.len() == 8 && patch.is_none() {
            let v = Self::from_parts(&main[..4], &main[4..6], None)?;
            let day: u8 = main[6..].parse().unwrap_or(0);
            if (1..=31).contains(&day) {
                return Err(VersionError::EightDigit(v));
            }
            return Err(VersionError::Malformed(format!(
                "day {day:02} is impossible"
            )));
        }
        if main.len() != 6 {
            return Err(VersionError::Malformed(format!(
                "{} digits; expected six (YYYYMM) or YYYYMM.RR",
                main.len()
            )));
        }
        let patch = match patch {
            None => None,
            Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => Some(p),
            Some(_) => {
                return Err(VersionError::Malformed(
                    "the patch release must be two digits (YYYYMM.RR)".into(),
                ));
            }
        };
        Self::from_parts(&main[..4], &main[4..6], patch)
    }

    fn from_parts(y: &str, m: &str, patch: Option<&str>) -> Result<Version, VersionError> {
        let year: u16 = y
            .parse()
            .map_err(|_| VersionError::Malformed("bad year".into()))?;
        let month: u8 = m
            .parse()
            .map_err(|_| VersionError::Malformed("bad month".into()))?;
        if !(1..=12).contains(&month) {
            return Err(VersionError::Malformed(format!(
                "month {month:02} is impossible"
            )));
        }
        if !(2000..=2099).contains(&year) {
            return Err(VersionError::Malformed(format!(
                "year {year} is implausible"
            )));
        }
        let patch = patch.map(|p| p.parse().expect("two digits"));
        Ok(Version { year, month, patch })
    }

    /// `year * 12 + month - 1`: consecutive months are consecutive integers.
    pub fn month_index(&self) -> u32 {
        self.year as u32 * 12 + self.month as u32 - 1
    }

    pub fn from_month_index(i: u32) -> Version {
        Version {
            year: (i / 12) as u16,
            month: (i % 12 + 1) as u8,
            patch: None,
        }
    }

    /// The month of the version, without the patch release.
    pub fn month_only(&self) -> Version {
        Version {
            patch: None,
            ..*self
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}{:02}", self.year, self.month)?;
        if let Some(p) = self.patch {
            write!(f, ".{p:02}")?;
        }
        Ok(())
    }
}

/// A calendar date (thin wrapper so the rest of the crate does not depend on the date library).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(jiff::civil::Date);

impl Date {
    /// Parse `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, String> {
        if s.len() != 10 {
            return Err("expected YYYY-MM-DD".into());
        }
        s.parse::<jiff::civil::Date>()
            .map(Date)
            .map_err(|e| e.to_string())
    }

    pub fn ymd(year: i16, month: i8, day: i8) -> Date {
        Date(jiff::civil::date(year, month, day))
    }

    /// Today's date in UTC, or the date of `SOURCE_DATE_EPOCH` when it is set.
    pub fn today() -> Result<Date, String> {
        if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
            let secs: i64 = epoch
                .trim()
                .parse()
                .map_err(|_| format!("SOURCE_DATE_EPOCH={epoch:?} is not a number of seconds"))?;
            let ts = jiff::Timestamp::from_second(secs)
                .map_err(|e| format!("SOURCE_DATE_EPOCH: {e}"))?;
            return Ok(Date(ts.to_zoned_datetime(jiff::tz::TimeZone::UTC).date()));
        }
        Ok(Date(
            jiff::Timestamp::now()
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .date(),
        ))
    }

    pub fn year(&self) -> i16 {
        self.0.year()
    }

    pub fn month(&self) -> i8 {
        self.0.month()
    }

    /// The month of this date as a version month index.
    pub fn month_index(&self) -> u32 {
        self.0.year() as u32 * 12 + self.0.month() as u32 - 1
    }

    /// Days from `self` to `other` (positive when `other` is later).
    pub fn days_until(&self, other: Date) -> i64 {
        (other.0 - self.0).get_days() as i64
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Where a sunset date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SunsetBasis {
    /// Published date in the rule table.
    Dated,
    /// Estimated from the support policy (release month + `support_months`, on the 15th).
    Policy,
}

/// The status of a version on a given day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Supported; sunsets on `sunset`.
    Active { sunset: Date, basis: SunsetBasis },
    /// Supported, but sunsets within the warning window.
    Expiring {
        sunset: Date,
        basis: SunsetBasis,
        days: i64,
    },
    /// Support has ended.
    Sunset { sunset: Date, basis: SunsetBasis },
    /// Before the first versioned release.
    BeforeFirst,
    /// A month in which no version was released.
    NotReleased,
    /// After today's month: cannot have been released yet.
    Future,
}

impl Calendar {
    /// The sunset date of a version, with its basis.
    pub fn sunset_of(&self, v: Version) -> (Date, SunsetBasis) {
        if let Some((d, _)) = self.sunsets.get(&v.month_index()) {
            return (*d, SunsetBasis::Dated);
        }
        let m = Version::from_month_index(v.month_index() + self.support_months);
        (
            Date::ymd(m.year as i16, m.month as i8, 15),
            SunsetBasis::Policy,
        )
    }

    /// The status of `v` on `today`, warning `window_days` ahead of a sunset.
    pub fn status(&self, v: Version, today: Date, window_days: u32) -> Status {
        let idx = v.month_index();
        if idx > today.month_index() {
            return Status::Future;
        }
        if idx < self.first.month_index() {
            return Status::BeforeFirst;
        }
        if self.not_released.contains_key(&idx) {
            return Status::NotReleased;
        }
        let (sunset, basis) = self.sunset_of(v);
        let days = today.days_until(sunset);
        if days <= 0 {
            Status::Sunset { sunset, basis }
        } else if days <= window_days as i64 {
            Status::Expiring {
                sunset,
                basis,
                days,
            }
        } else {
            Status::Active { sunset, basis }
        }
    }

    /// Whether `v` can be pinned on `today`: a month LinkedIn released a version in, and not
    /// after today. The one check of a target version (`--target-version`, a config's
    /// `target-version`), which fixes and `codegen` write into code.
    pub fn check_released(&self, v: Version, today: Date) -> Result<(), String> {
        match self.status(v, today, 0) {
            Status::BeforeFirst | Status::NotReleased | Status::Future => Err(format!(
                "no such LinkedIn version was released by {today} (see `linkedin-lint versions`)"
            )),
            Status::Active { .. } | Status::Expiring { .. } | Status::Sunset { .. } => Ok(()),
        }
    }

    /// The newest version that is active (not expiring) on `today`: the recommended pin.
    /// Falls back to the newest version the table knows that is not sunset.
    pub fn recommended(&self, today: Date, window_days: u32) -> Version {
        let top = self.latest.month_index().min(today.month_index());
        let mut fallback = None;
        for idx in (self.first.month_index()..=top).rev() {
            let v = Version::from_month_index(idx);
            match self.status(v, today, window_days) {
                Status::Active { .. } => return v,
                Status::Expiring { .. } if fallback.is_none() => fallback = Some(v),
                _ => {}
            }
        }
        fallback.unwrap_or(self.latest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_versions() {
        assert_eq!(Version::parse("202401").unwrap().to_string(), "202401");
        assert_eq!(
            Version::parse("202508.02").unwrap().to_string(),
            "202508.02"
        );
        assert!(matches!(
            Version::parse("202413"),
            Err(VersionError::Malformed(_))
        ));
        assert!(matches!(
            Version::parse("202400"),
            Err(VersionError::Malformed(_))
        ));
        assert!(matches!(
            Version::parse("2024-01"),
            Err(VersionError::Malformed(_))
        ));
        assert!(matches!(
            Version::parse("20240"),
            Err(VersionError::Malformed(_))
        ));
        assert!(matches!(
            Version::parse("202401.1"),
            Err(VersionError::Malformed(_))
        ));
        assert!(matches!(
            Version::parse(""),
            Err(VersionError::Malformed(_))
        ));
        assert_eq!(
            Version::parse("20240101"),
            Err(VersionError::EightDigit(Version {
                year: 2024,
                month: 1,
                patch: None
            }))
        );
        assert!(matches!(
            Version::parse("20240132"),
            Err(VersionError::Malformed(_))
        ));
    }

    #[test]
    fn month_index_round_trips() {
        let v = Version::parse("202312").unwrap();
        assert_eq!(Version::from_month_index(v.month_index()), v);
        assert_eq!(
            Version::from_month_index(v.month_index() + 1).to_string(),
            "202401"
        );
    }

    #[test]
    fn dates() {
        let d = Date::parse("2026-11-23").unwrap();
        assert_eq!(d.days_until(Date::parse("2027-01-15").unwrap()), 53);
        assert!(Date::parse("2026-13-01").is_err());
        assert!(Date::parse("2026-1-1").is_err());
    }

    #[test]
    fn status_follows_table_and_policy() {
        let t = crate::rules::load(&[]).unwrap();
        let cal = &t.calendar;
        let today = Date::parse("2026-11-23").unwrap();
        let st = |s: &str| cal.status(Version::parse(s).unwrap(), today, 90);
        assert!(matches!(
            st("202511"),
            Status::Sunset {
                basis: SunsetBasis::Dated,
                ..
            }
        ));
        assert!(matches!(
            st("202601"),
            Status::Expiring {
                days: 53,
                basis: SunsetBasis::Dated,
                ..
            }
        ));
        assert!(matches!(st("202603"), Status::Active { .. }));
        assert!(matches!(st("202612"), Status::Future));
        assert_eq!(st("202201"), Status::BeforeFirst);
        assert_eq!(st("202412"), Status::NotReleased);
        // 202308 has no published date: the 12-month policy puts its sunset at 2024-08-15.
        assert_eq!(
            st("202308"),
            Status::Sunset {
                sunset: Date::parse("2024-08-15").unwrap(),
                basis: SunsetBasis::Policy
            }
        );
        // A month the table does not know yet, but not after today: policy, active.
        assert!(matches!(
            st("202611"),
            Status::Active {
                basis: SunsetBasis::Policy,
                ..
            }
        ));
    }
}
