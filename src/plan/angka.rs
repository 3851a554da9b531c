//! Exact decimal numbers for scores: points values, a score's maximum, and the
//! arithmetic every engine must reproduce (docs/plan.md, "Scores"). A number is
//! stored in millionths, so `0.5` points or a rapor average of `85.333333` are
//! integers and a weighted sum is exact; nothing goes through binary floating
//! point, whose last bits differ between engines.

use serde::{Serialize, Serializer};
use std::fmt;

/// Decimal places an input or a points value keeps.
pub const DECIMALS: u32 = 6;
/// One in millionths.
pub const SCALE: i64 = 1_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Angka(i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AngkaError {
    NotANumber,
    TooLarge,
}

impl Angka {
    pub const ZERO: Angka = Angka(0);

    pub fn from_millionths(m: i64) -> Self {
        Angka(m)
    }
    pub fn millionths(self) -> i64 {
        self.0
    }
    pub fn whole(n: i64) -> Self {
        Angka(n.saturating_mul(SCALE))
    }

    /// Parse a non-negative decimal with a dot (`30`, `0.5`, `85.3333333`). More
    /// than six decimals are rounded half up to six — the rule docs/plan.md
    /// states for input cells. At most 12 whole digits.
    pub fn parse(s: &str) -> Result<Angka, AngkaError> {
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        if int.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || (s.contains('.') && frac.is_empty())
        {
            return Err(AngkaError::NotANumber);
        }
        let int = int.trim_start_matches('0');
        if int.len() > 12 {
            return Err(AngkaError::TooLarge);
        }
        let whole: i64 = if int.is_empty() {
            0
        } else {
            int.parse().map_err(|_| AngkaError::TooLarge)?
        };
        let mut f: i64 = 0;
        for (i, b) in frac.bytes().take(DECIMALS as usize).enumerate() {
            f += i64::from(b - b'0') * 10_i64.pow(DECIMALS - 1 - i as u32);
        }
        // Half up on the seventh decimal.
        if frac
            .as_bytes()
            .get(DECIMALS as usize)
            .is_some_and(|&d| d >= b'5')
        {
            f += 1;
        }
        Ok(Angka(whole * SCALE + f))
    }
}

/// A weighted sum in exact arithmetic: Σ value × weight, with values in
/// millionths and weights in units of 1/10 000 of a percent (`Persen`), so the
/// sum is in units of 10⁻¹² (`millionths × 10⁻⁶`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Jumlah(i128);

impl Jumlah {
    /// Add `value × bobot%`.
    pub fn add(&mut self, value: Angka, bobot_units: i64) {
        // value (10⁻⁶) × bobot (10⁻⁴ %) / 100 → 10⁻¹².
        self.0 += i128::from(value.0) * i128::from(bobot_units);
    }

    /// The sum capped at `maksimal`, rounded half up to `desimal` places
    /// (0–6), in millionths.
    pub fn finish(self, maksimal: Option<Angka>, desimal: u32) -> Angka {
        // Units of 10⁻¹²: the sum's value is `self.0 / 10¹²`.
        let mut v = self.0;
        if let Some(m) = maksimal {
            v = v.min(i128::from(m.0) * 1_000_000);
        }
        let step = 10_i128.pow(12 - desimal.min(DECIMALS));
        let q = v.div_euclid(step) + i128::from(v.rem_euclid(step) * 2 >= step);
        let millionths = q * step / 1_000_000;
        Angka(i64::try_from(millionths).unwrap_or(i64::MAX))
    }
}

impl fmt::Display for Angka {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        let scale = SCALE.unsigned_abs();
        let (w, r) = (a / scale, a % scale);
        if r == 0 {
            write!(f, "{sign}{w}")
        } else {
            let frac = format!("{r:06}");
            write!(f, "{sign}{w}.{}", frac.trim_end_matches('0'))
        }
    }
}

impl Serialize for Angka {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> serde::Deserialize<'de> for Angka {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let frac = s.split_once('.').map_or(0, |(_, f)| f.len());
        match Angka::parse(&s) {
            Ok(a) if frac <= DECIMALS as usize => Ok(a),
            _ => Err(serde::de::Error::custom(format!(
                "not a decimal number with at most {DECIMALS} decimals: {s:?}"
            ))),
        }
    }
}

impl schemars::JsonSchema for Angka {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Angka".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A non-negative number as an exact decimal string, e.g. \"0.5\" (up to 6 decimals).",
            "type": "string",
            "pattern": "^[0-9]+(\\.[0-9]{1,6})?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_exactly() {
        let p = |s: &str| Angka::parse(s).map(|a| a.to_string());
        assert_eq!(p("0.5"), Ok("0.5".into()));
        assert_eq!(p("11000"), Ok("11000".into()));
        assert_eq!(p("85.3333333"), Ok("85.333333".into()));
        assert_eq!(p("85.3333335"), Ok("85.333334".into()));
        assert_eq!(p("007.250"), Ok("7.25".into()));
        assert_eq!(p("1."), Err(AngkaError::NotANumber));
        assert_eq!(p("-1"), Err(AngkaError::NotANumber));
        assert_eq!(p("1e3"), Err(AngkaError::NotANumber));
        assert_eq!(p("1234567890123"), Err(AngkaError::TooLarge));
    }

    #[test]
    fn sums_round_half_up_where_floating_point_would_not() {
        let a = |s: &str| Angka::parse(s).unwrap_or_default();
        // 1.005 is 1.00499999999999989… in binary: exact arithmetic rounds up.
        let mut j = Jumlah::default();
        j.add(a("1.005"), 100 * 10_000);
        assert_eq!(j.finish(None, 2).to_string(), "1.01");
        // 60% × 85.55 + 40% × 70.125 = 51.33 + 28.05 = 79.38.
        let mut j = Jumlah::default();
        j.add(a("85.55"), 60 * 10_000);
        j.add(a("70.125"), 40 * 10_000);
        assert_eq!(j.finish(None, 6).to_string(), "79.38");
        // A maximum caps before rounding.
        let mut j = Jumlah::default();
        j.add(a("30"), 100 * 10_000);
        j.add(a("0.5"), 100 * 10_000);
        assert_eq!(j.finish(Some(a("25")), 0).to_string(), "25");
        assert_eq!(j.finish(None, 0).to_string(), "31");
    }
}
