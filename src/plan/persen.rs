//! Exact percentages. A quota is stored in units of 1/10 000 of a percent, so sums
//! and seat counts are integer arithmetic: 27.5% + 2.5% is exactly 30%, and
//! 30% of 36 seats is exactly 10.8.

use serde::{Serialize, Serializer};
use std::fmt;

/// Decimal places a percentage may have.
pub const DECIMALS: u32 = 4;
const SCALE: i64 = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Persen(i64);

impl Persen {
    pub const ZERO: Persen = Persen(0);
    pub const HUNDRED: Persen = Persen(100 * SCALE);

    pub fn from_units(u: i64) -> Self {
        Persen(u)
    }
    pub fn units(self) -> i64 {
        self.0
    }
    pub fn whole(n: i64) -> Self {
        Persen(n * SCALE)
    }

    /// Parse `35`, `27.5`, `27,5` (the comma is accepted here; the caller reports
    /// it). Errors name what is wrong.
    pub fn parse(s: &str) -> Result<Persen, ParseError> {
        let s = s.trim();
        let (int, frac) = match s.split_once(['.', ',']) {
            Some((i, f)) => (i, f),
            None => (s, ""),
        };
        if int.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(ParseError::NotANumber);
        }
        if frac.len() > DECIMALS as usize {
            return Err(ParseError::TooManyDecimals);
        }
        let int = int.trim_start_matches('0');
        if int.len() > 6 {
            return Err(ParseError::TooLarge);
        }
        let whole: i64 = if int.is_empty() {
            0
        } else {
            int.parse().map_err(|_| ParseError::TooLarge)?
        };
        let mut f: i64 = 0;
        for (i, b) in frac.bytes().enumerate() {
            f += i64::from(b - b'0') * 10_i64.pow(DECIMALS - 1 - i as u32);
        }
        Ok(Persen(whole * SCALE + f))
    }

    /// This share of `n` seats as an exact fraction `num / 1_000_000`.
    pub fn of(self, n: u32) -> Seats {
        Seats {
            num: i128::from(n) * i128::from(self.0),
        }
    }
}

/// An exact (possibly fractional) number of seats, `num / 1_000_000`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seats {
    pub num: i128,
}

pub const SEAT_DEN: i128 = 100 * SCALE as i128;

impl Seats {
    pub fn floor(self) -> i64 {
        self.num.div_euclid(SEAT_DEN) as i64
    }
    pub fn ceil(self) -> i64 {
        (-((-self.num).div_euclid(SEAT_DEN))) as i64
    }
    /// Nearest, halves up.
    pub fn round(self) -> i64 {
        (self.num + SEAT_DEN / 2).div_euclid(SEAT_DEN) as i64
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    NotANumber,
    TooManyDecimals,
    TooLarge,
}

impl fmt::Display for Persen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.abs();
        let (w, r) = (a / SCALE, a % SCALE);
        if r == 0 {
            write!(f, "{sign}{w}")
        } else {
            let frac = format!("{r:04}");
            write!(f, "{sign}{w}.{}", frac.trim_end_matches('0'))
        }
    }
}

impl Serialize for Persen {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> serde::Deserialize<'de> for Persen {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Persen::parse(&s).map_err(|_| serde::de::Error::custom(format!("not a percentage: {s:?}")))
    }
}

impl schemars::JsonSchema for Persen {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Persen".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A percentage as an exact decimal string, e.g. \"27.5\" (up to 4 decimals).",
            "type": "string",
            "pattern": "^[0-9]+(\\.[0-9]{1,4})?$"
        })
    }
}

impl std::ops::Add for Persen {
    type Output = Persen;
    fn add(self, o: Persen) -> Persen {
        Persen(self.0.saturating_add(o.0))
    }
}
impl std::ops::Sub for Persen {
    type Output = Persen;
    fn sub(self, o: Persen) -> Persen {
        Persen(self.0.saturating_sub(o.0))
    }
}
impl std::iter::Sum for Persen {
    fn sum<I: Iterator<Item = Persen>>(it: I) -> Persen {
        it.fold(Persen::ZERO, |a, b| a + b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn parses_exactly() {
        assert_eq!(
            Persen::parse("27.5").map(|p| p.to_string()),
            Ok("27.5".into())
        );
        assert_eq!(Persen::parse("27,5"), Persen::parse("27.5"));
        assert_eq!(Persen::parse("0.0001").map(|p| p.units()), Ok(1));
        assert_eq!(Persen::parse("1.00001"), Err(ParseError::TooManyDecimals));
        assert_eq!(
            Persen::parse("1000000000000000000000000000000"),
            Err(ParseError::TooLarge)
        );
        let sum: Persen = ["27.5", "2.5", "70"]
            .iter()
            .filter_map(|s| Persen::parse(s).ok())
            .sum();
        assert_eq!(sum, Persen::HUNDRED);
    }
    #[test]
    fn seats_are_exact() {
        let p = Persen::whole(30);
        assert_eq!(p.of(36).floor(), 10);
        assert_eq!(p.of(36).ceil(), 11);
        assert_eq!(p.of(36).round(), 11);
        assert_eq!(Persen::whole(5).of(30).round(), 2); // 1.5 rounds half up
        assert_eq!(Persen::whole(30).of(10).ceil(), 3);
    }
}
