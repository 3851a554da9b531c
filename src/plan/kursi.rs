//! Seats at one school: how quota percentages become whole seats that add up to
//! the school's daya tampung exactly. The rounding check (`rules::kuota`) and the
//! engine both call this, so what the checker proves is what the engine does.

use super::persen::{Persen, Seats, SEAT_DEN};
use super::Pembulatan;
use serde::{Deserialize, Serialize};

/// One jalur's share and the regulation's bounds on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BagianKursi {
    pub id: String,
    pub persen: String,
    /// The regulation's minimum share of the daya tampung, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimal_persen: Option<String>,
    /// The regulation's maximum share, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maksimal_persen: Option<String>,
    /// Sub-quotas (percentages of the whole daya tampung); their seats add up to
    /// this jalur's seats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub: Vec<SubKursi>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubKursi {
    pub id: String,
    pub persen: String,
}

/// How seats are computed: rounding method, and which jalur absorbs what rounding
/// leaves over (index into `jalur`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkemaKursi {
    pub pembulatan: Pembulatan,
    /// Id of the jalur that receives (or gives up) the seats rounding leaves over.
    pub sisa_ke: String,
    /// Inside that jalur, the sub-jalur that receives (or gives up) the seats
    /// the split into sub-jalur leaves over (`sisa_pembulatan ke
    /// domisili.reguler`); its jalur's sub-jalur are then rounded down first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sisa_sub: Option<String>,
    /// How sub-jalur seats are rounded when the juknis says so
    /// (`pembulatan_sub`); else as `pembulatan`, `sesuai_batas` meaning
    /// `sisa_terbesar` (sub-jalur have no national bounds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pembulatan_sub: Option<Pembulatan>,
    pub jalur: Vec<BagianKursi>,
    /// Schools with their own split (`kuota_sekolah`): at these schools seats
    /// are computed as above from the variant's percentages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub varian: Vec<VarianKursi>,
}

/// A split the juknis gives some schools: the same jalur and sub-jalur as
/// `kursi.jalur`, in the same order, with their own percentages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VarianKursi {
    /// NPSN of the schools that use it.
    pub sekolah: Vec<String>,
    /// The decision it rests on, as the juknis states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dasar: Option<String>,
    pub jalur: Vec<BagianKursi>,
}

/// One jalur's seats: its name, its seat count, and its sub-jalur with theirs.
pub type KursiJalur = (String, u32, Vec<(String, u32)>);

/// Seats for every jalur, and inside it for every sub-jalur, at capacity `n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alokasi {
    pub jalur: Vec<KursiJalur>,
}

fn pct(s: &str) -> Persen {
    Persen::parse(s).unwrap_or(Persen::ZERO)
}

impl SkemaKursi {
    /// The scheme with its percentages parsed once, for computing seats at many
    /// capacities (the rounding check, an engine with hundreds of schools).
    pub fn siap(&self) -> KursiSiap {
        let opt = |m: &Option<String>| m.as_deref().map(pct);
        KursiSiap {
            persen: self.jalur.iter().map(|j| pct(&j.persen)).collect(),
            batas: self
                .jalur
                .iter()
                .map(|j| (opt(&j.minimal_persen), opt(&j.maksimal_persen)))
                .collect(),
            sub: self
                .jalur
                .iter()
                .map(|j| j.sub.iter().map(|x| pct(&x.persen)).collect())
                .collect(),
            sisa: self
                .jalur
                .iter()
                .position(|j| j.id == self.sisa_ke)
                .unwrap_or(0),
            sisa_sub: self.sisa_sub.as_ref().and_then(|t| {
                self.jalur
                    .iter()
                    .enumerate()
                    .find_map(|(i, j)| j.sub.iter().position(|x| &x.id == t).map(|k| (i, k)))
            }),
            pembulatan_sub: self.pembulatan_sub,
            pembulatan: self.pembulatan,
        }
    }

    /// The scheme a school uses: the variant that lists its NPSN, else this.
    pub fn scheme_for(&self, varian: Option<usize>) -> SkemaKursi {
        let mut s = self.clone();
        s.varian = Vec::new();
        if let Some(v) = varian.and_then(|i| self.varian.get(i)) {
            s.jalur = v.jalur.clone();
        }
        s
    }

    pub fn alokasi(&self, n: u32) -> Alokasi {
        let siap = self.siap();
        let seats = siap.jalur(n);
        let jalur = self
            .jalur
            .iter()
            .zip(seats)
            .enumerate()
            .map(|(i, (j, s))| {
                let subs = siap
                    .sub(i, n, s)
                    .into_iter()
                    .zip(&j.sub)
                    .map(|(v, x)| (x.id.clone(), v as u32))
                    .collect();
                (j.id.clone(), s as u32, subs)
            })
            .collect();
        Alokasi { jalur }
    }
}

/// A [`SkemaKursi`] with its numbers parsed.
#[derive(Debug, Clone)]
pub struct KursiSiap {
    persen: Vec<Persen>,
    batas: Vec<(Option<Persen>, Option<Persen>)>,
    sub: Vec<Vec<Persen>>,
    sisa: usize,
    /// (jalur, sub-jalur) that takes the sub-split's leftover.
    sisa_sub: Option<(usize, usize)>,
    pembulatan_sub: Option<Pembulatan>,
    pembulatan: Pembulatan,
}

impl KursiSiap {
    /// The national bounds in seats at capacity `n`: minimum rounded up,
    /// maximum rounded down.
    pub fn batas(&self, n: u32) -> Vec<(i64, i64)> {
        self.batas
            .iter()
            .map(|(lo, hi)| {
                (
                    lo.map(|p| p.of(n).ceil()).unwrap_or(0),
                    hi.map(|p| p.of(n).floor()).unwrap_or(i64::from(n)),
                )
            })
            .collect()
    }

    /// Seats per jalur at capacity `n`, in declaration order.
    pub fn jalur(&self, n: u32) -> Vec<i64> {
        let raw: Vec<Seats> = self.persen.iter().map(|p| p.of(n)).collect();
        divide(
            i64::from(n),
            &raw,
            &self.batas(n),
            self.pembulatan,
            self.sisa,
        )
    }

    /// Seats per sub-jalur of jalur `i`, which has `s` seats, at capacity `n`.
    /// Empty when the jalur has no sub-jalur.
    pub fn sub(&self, i: usize, n: u32, s: i64) -> Vec<i64> {
        let Some(subs) = self.sub.get(i).filter(|v| !v.is_empty()) else {
            return Vec::new();
        };
        let raw: Vec<Seats> = subs.iter().map(|p| p.of(n)).collect();
        let free = vec![(0, s); raw.len()];
        // A named sub-jalur takes the leftover of its jalur's split: the others
        // are rounded down (unless `pembulatan_sub` says otherwise).
        let target = self.sisa_sub.filter(|(j, _)| *j == i).map(|(_, k)| k);
        // Sub-jalur have no national bounds of their own: largest remainder keeps
        // them adding up to the jalur's seats.
        let method = match (self.pembulatan_sub, target, self.pembulatan) {
            (Some(m), _, _) => m,
            (None, Some(_), _) => Pembulatan::KeBawah,
            (None, None, Pembulatan::SesuaiBatas) => Pembulatan::SisaTerbesar,
            (None, None, m) => m,
        };
        let method = match method {
            Pembulatan::SesuaiBatas => Pembulatan::SisaTerbesar,
            m => m,
        };
        divide(s, &raw, &free, method, target.unwrap_or(0))
    }
}

/// Split `target` seats over shares `raw` (exact fractions) by `method`, keeping
/// each share within `bounds` when the method is `SesuaiBatas`. The result always
/// adds up to `target` and is never negative.
pub fn divide(
    target: i64,
    raw: &[Seats],
    bounds: &[(i64, i64)],
    method: Pembulatan,
    sisa: usize,
) -> Vec<i64> {
    let k = raw.len();
    if k == 0 {
        return Vec::new();
    }
    let mut s: Vec<i64> = match method {
        Pembulatan::KeAtas => raw.iter().map(|r| r.ceil()).collect(),
        Pembulatan::Terdekat => raw.iter().map(|r| r.round()).collect(),
        _ => raw.iter().map(|r| r.floor()).collect(),
    };
    let (lo, hi): (Vec<i64>, Vec<i64>) = match method {
        Pembulatan::SesuaiBatas => bounds.iter().copied().unzip(),
        _ => (vec![0; k], vec![target; k]),
    };
    if method == Pembulatan::SesuaiBatas {
        for i in 0..k {
            s[i] = s[i].clamp(lo[i].min(hi[i]), hi[i]);
        }
    }
    // How far share i is below its exact value (positive: it deserves more).
    let deficit = |s: &[i64], i: usize| raw[i].num - i128::from(s[i]) * SEAT_DEN;
    match method {
        Pembulatan::KeBawah | Pembulatan::KeAtas | Pembulatan::Terdekat => {
            let diff = target - s.iter().sum::<i64>();
            let sisa = sisa.min(k - 1);
            if diff >= 0 {
                s[sisa] += diff;
            } else {
                // Take the surplus from the remainder jalur, then from the others,
                // last declared first.
                let mut over = -diff;
                let order = std::iter::once(sisa).chain((0..k).rev().filter(|&i| i != sisa));
                for i in order {
                    let take = over.min(s[i]);
                    s[i] -= take;
                    over -= take;
                    if over == 0 {
                        break;
                    }
                }
            }
        }
        Pembulatan::SisaTerbesar | Pembulatan::SesuaiBatas => {
            let mut strict = method == Pembulatan::SesuaiBatas;
            let mut guard = 0usize;
            loop {
                let total: i64 = s.iter().sum();
                if total == target || guard > 4 * (target.unsigned_abs() as usize + k) + 16 {
                    break;
                }
                guard += 1;
                let pick = if total < target {
                    (0..k)
                        .filter(|&i| !strict || s[i] < hi[i])
                        .max_by(|&a, &b| deficit(&s, a).cmp(&deficit(&s, b)).then(b.cmp(&a)))
                } else {
                    (0..k)
                        .filter(|&i| s[i] > if strict { lo[i] } else { 0 })
                        .min_by(|&a, &b| deficit(&s, a).cmp(&deficit(&s, b)).then(a.cmp(&b)))
                };
                match pick {
                    Some(i) if total < target => s[i] += 1,
                    Some(i) => s[i] -= 1,
                    // Bounds cannot all hold at this capacity: fall back to plain
                    // largest remainder rather than fail.
                    None if strict => strict = false,
                    None => break,
                }
            }
        }
    }
    s
}

/// True when some allocation of `n` seats keeps every share within its bounds.
pub fn feasible(n: i64, bounds: &[(i64, i64)]) -> bool {
    let lo: i64 = bounds.iter().map(|b| b.0).sum();
    let hi: i64 = bounds.iter().map(|b| b.1).sum();
    bounds.iter().all(|b| b.0 <= b.1) && lo <= n && n <= hi
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skema(m: Pembulatan) -> SkemaKursi {
        let b = |id: &str, p: &str, min: Option<&str>, max: Option<&str>| BagianKursi {
            id: id.into(),
            persen: p.into(),
            minimal_persen: min.map(Into::into),
            maksimal_persen: max.map(Into::into),
            sub: vec![],
        };
        SkemaKursi {
            pembulatan: m,
            sisa_ke: "domisili".into(),
            sisa_sub: None,
            pembulatan_sub: None,
            jalur: vec![
                b("domisili", "35", Some("30"), None),
                b("afirmasi", "30", Some("30"), None),
                b("prestasi", "30", Some("30"), None),
                b("mutasi", "5", None, Some("5")),
            ],
            varian: Vec::new(),
        }
    }

    #[test]
    fn floor_gives_remainder_to_domisili() {
        let a = skema(Pembulatan::KeBawah).alokasi(36);
        let seats: Vec<u32> = a.jalur.iter().map(|j| j.1).collect();
        assert_eq!(seats, vec![15, 10, 10, 1]); // 12.6, 10.8, 10.8, 1.8 floored; 4 left to domisili
    }

    #[test]
    fn within_bounds_keeps_minimums() {
        let a = skema(Pembulatan::SesuaiBatas).alokasi(36);
        let seats: Vec<u32> = a.jalur.iter().map(|j| j.1).collect();
        assert_eq!(seats.iter().sum::<u32>(), 36);
        assert!(
            seats[1] >= 11 && seats[2] >= 11 && seats[3] <= 1,
            "{seats:?}"
        );
    }

    #[test]
    fn faq_74_capacity_100_domisili_35_is_35_seats() {
        for m in [
            Pembulatan::KeBawah,
            Pembulatan::KeAtas,
            Pembulatan::Terdekat,
            Pembulatan::SisaTerbesar,
            Pembulatan::SesuaiBatas,
        ] {
            let a = skema(m).alokasi(100);
            assert_eq!(a.jalur[0].1, 35, "{m:?}");
        }
    }
}
