//! Calendar dates and times, validated (no 30 February), with day arithmetic for
//! schedule checks. Times are wall-clock as written (WIB in practice).

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tanggal {
    pub tahun: i32,
    pub bulan: u32,
    pub hari: u32,
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Years a juknis date may have.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Format,
    YearRange,
    Month,
    Day { max: u32 },
    Time,
}

impl Tanggal {
    pub fn new(tahun: i32, bulan: u32, hari: u32) -> Result<Tanggal, DateError> {
        if !YEARS.contains(&tahun) {
            return Err(DateError::YearRange);
        }
        if !(1..=12).contains(&bulan) {
            return Err(DateError::Month);
        }
        let max = days_in_month(tahun, bulan);
        if hari == 0 || hari > max {
            return Err(DateError::Day { max });
        }
        Ok(Tanggal { tahun, bulan, hari })
    }

    pub fn parse(s: &str) -> Result<Tanggal, DateError> {
        let mut it = s.split('-');
        let (y, m, d) = (it.next(), it.next(), it.next());
        let (Some(y), Some(m), Some(d), None) = (y, m, d, it.next()) else {
            return Err(DateError::Format);
        };
        if y.len() > 6 {
            return Err(DateError::YearRange);
        }
        let y: i32 = y.parse().map_err(|_| DateError::Format)?;
        let m: u32 = m.parse().map_err(|_| DateError::Format)?;
        let d: u32 = d.parse().map_err(|_| DateError::Format)?;
        Tanggal::new(y, m, d)
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    pub fn days(self) -> i64 {
        let y = i64::from(self.tahun) - i64::from(self.bulan <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.bulan);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.hari) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The same day `n` months earlier (clamped to the month's last day).
    pub fn minus_months(self, n: u32) -> Tanggal {
        let total = self.tahun * 12 + self.bulan as i32 - 1 - n as i32;
        let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
        let d = self.hari.min(days_in_month(y, m));
        Tanggal {
            tahun: y,
            bulan: m,
            hari: d,
        }
    }
}

impl fmt::Display for Tanggal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.tahun, self.bulan, self.hari)
    }
}

impl Serialize for Tanggal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// A date with an optional time of day (minutes after midnight).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Waktu {
    pub tanggal: Tanggal,
    pub menit: Option<u32>,
}

impl Waktu {
    pub fn parse_jam(s: &str) -> Result<u32, DateError> {
        let (h, m) = s.split_once([':', '.']).ok_or(DateError::Time)?;
        let h: u32 = h.parse().map_err(|_| DateError::Time)?;
        let m: u32 = m.parse().map_err(|_| DateError::Time)?;
        if h > 23 || m > 59 {
            return Err(DateError::Time);
        }
        Ok(h * 60 + m)
    }
    /// Strictly earlier. On the same day, only times written on both sides can
    /// make one earlier: "pengumuman 2025-06-17" on the last day of registration
    /// is not a violation unless the times say so.
    pub fn before(self, other: Waktu) -> bool {
        match self.tanggal.cmp(&other.tanggal) {
            std::cmp::Ordering::Less => true,
            std::cmp::Ordering::Greater => false,
            std::cmp::Ordering::Equal => {
                matches!((self.menit, other.menit), (Some(a), Some(b)) if a < b)
            }
        }
    }
}

impl fmt::Display for Waktu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.menit {
            Some(m) => write!(f, "{} {:02}:{:02}", self.tanggal, m / 60, m % 60),
            None => write!(f, "{}", self.tanggal),
        }
    }
}

impl Serialize for Waktu {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn validates_calendar() {
        assert_eq!(
            Tanggal::parse("2025-02-30"),
            Err(DateError::Day { max: 28 })
        );
        assert!(Tanggal::parse("2024-02-29").is_ok());
        assert_eq!(Tanggal::parse("99999-01-01"), Err(DateError::YearRange));
        assert_eq!(Tanggal::parse("2025-13-01"), Err(DateError::Month));
    }
    #[test]
    fn day_arithmetic() {
        let a = Tanggal::parse("2025-03-01").ok();
        let b = Tanggal::parse("2025-02-28").ok();
        assert_eq!(a.zip(b).map(|(a, b)| a.days() - b.days()), Some(1));
        // Days since 1970-01-01 (the lowest accepted year is 2000).
        assert_eq!(Tanggal::parse("2000-01-01").map(|t| t.days()), Ok(10_957));
        assert_eq!(
            Tanggal::parse("2025-05-31").map(|t| t.minus_months(3).to_string()),
            Ok("2025-02-28".into())
        );
    }
}
