//! One applicant's row, read against the plan. Every column the plan needs is
//! checked before any row is read (`kolom.rs`, `Context::new`); the rows are
//! read in blocks and parallel pieces, then sorted by NISN, in `alir.rs`.

use super::kolom::{kolom, Kolom};
use super::nilai;
use super::sekolah::{kode_wilayah, npsn as npsn_normal};
use super::{koordinat, list, Baris, BarisRusak, DataError, ModusRusak, MAKS_PILIHAN};
use crate::engine::{Pendaftar, Prepared, Sekolah, KOSONG};
use crate::plan::angka::Angka;
use crate::text::t;

/// Applicants read, rows set aside, and the file's problems.
pub struct PendaftarFile {
    pub pendaftar: Vec<Pendaftar>,
    pub rusak: Vec<BarisRusak>,
}

/// Read the applicants file against the plan's needs. Applicants are returned
/// sorted by NISN, so the input's row order never matters.
pub fn read_pendaftar(
    berkas: &str,
    text: &[u8],
    prepared: &Prepared,
    sekolah: &[Sekolah],
    modus: ModusRusak,
) -> Result<PendaftarFile, DataError> {
    let batas = crate::batas::Batas::default();
    super::read_pendaftar_with(berkas, text, prepared, sekolah, modus, &batas)
}

/// Everything one row needs besides its cells: the columns found and the
/// schools' ids to resolve, set up once per file.
pub(super) struct Context<'a> {
    prepared: &'a Prepared,
    sekolah: &'a [Sekolah],
    pub(super) k: Kolom,
    npsn: rustc_hash::FxHashMap<&'a str, u32>,
    kode: rustc_hash::FxHashMap<&'a str, u32>,
    /// Plausible birth dates (days) and registration times (seconds).
    lahir: std::ops::RangeInclusive<i64>,
    waktu: std::ops::RangeInclusive<i64>,
}

impl<'a> Context<'a> {
    /// Check the header's columns against the plan's needs and index the schools.
    pub(super) fn new(
        berkas: &str,
        cols: &[String],
        prepared: &'a Prepared,
        sekolah: &'a [Sekolah],
    ) -> Result<Self, DataError> {
        let k = kolom(berkas, cols, prepared, sekolah)?;
        // FxHash: the keys are our own file's ids, and SipHash was a tenth of reading.
        let npsn: rustc_hash::FxHashMap<&str, u32> = sekolah
            .iter()
            .enumerate()
            .map(|(i, s)| (s.npsn.as_str(), i as u32))
            .collect();
        let kode = kode_wilayah(sekolah);
        let tahun = crate::engine::civil(prepared.acuan).0;
        let awal_tahun = |y: i64| nilai::hari(&format!("{y:04}-01-01")).unwrap_or(0);
        Ok(Context {
            prepared,
            sekolah,
            k,
            npsn,
            kode,
            lahir: (prepared.acuan - 36_525)..=(prepared.acuan - 1),
            waktu: (awal_tahun(tahun - 1) * 86_400)..=(awal_tahun(tahun + 1) * 86_400 - 1),
        })
    }
}

pub(super) fn baris(c: &Context, b: &Baris) -> Result<Pendaftar, DataError> {
    let (prepared, k) = (c.prepared, &c.k);
    let nisn = nilai::nisn(b.sel(k.nisn)?).map_err(|m| b.err(k.nisn, m))?;
    let mut jalur: smallvec::SmallVec<[u16; 2]> = smallvec::SmallVec::new();
    for j in list(b.wajib(k.jalur)?) {
        let Some(u) = prepared.unit_index(j) else {
            let known = prepared.unit_ids().join(", ");
            return Err(b.err(
                k.jalur,
                t!(
                    "jalur `{j}` tidak ada di rencana; yang ada: {known}",
                    "jalur `{j}` is not in the plan; known: {known}"
                ),
            ));
        };
        if jalur.contains(&u) {
            return Err(b.err(
                k.jalur,
                t!("`{j}` ditulis dua kali", "`{j}` is listed twice"),
            ));
        }
        // At most as many units per wave as the plan allows (one unless the
        // juknis says `jalur_per_tahap`); they run in the wave's order.
        let tahap = prepared.units[u as usize].tahap;
        let sama = |x: &&u16| prepared.units[usize::from(**x)].tahap == tahap;
        if jalur.iter().filter(sama).count() >= prepared.jalur_per_tahap {
            let sama: Vec<&str> = jalur
                .iter()
                .filter(sama)
                .map(|&x| prepared.units[usize::from(x)].id.as_str())
                .collect();
            let (lain, n) = (sama.join("`, `"), prepared.jalur_per_tahap);
            return Err(b.err(
                k.jalur,
                t!(
                    "`{lain}` dan `{j}` sama-sama di tahap {tahap}; rencana membolehkan {n} jalur per tahap",
                    "`{lain}` and `{j}` are both in wave {tahap}; the plan allows {n} jalur per wave"
                ),
            ));
        }
        jalur.push(u);
    }
    // Counted first, without a vector per row: the limit before any school.
    let pilih = b.sel(k.pilihan)?;
    if list(pilih).count() > MAKS_PILIHAN {
        return Err(b
            .err(
                k.pilihan,
                t!(
                    "lebih dari {MAKS_PILIHAN} pilihan",
                    "more than {MAKS_PILIHAN} choices"
                ),
            )
            .kode("batas.pilihan"));
    }
    let mut pilihan: smallvec::SmallVec<[u32; 4]> = smallvec::SmallVec::new();
    for p in list(pilih) {
        let p = npsn_normal(p);
        let Some(&s) = c.npsn.get(p.as_ref()) else {
            return Err(b.err(
                k.pilihan,
                t!(
                    "sekolah `{p}` tidak ada di berkas sekolah",
                    "school `{p}` is not in the schools file"
                ),
            ));
        };
        if pilihan.contains(&s) {
            return Err(b.err(
                k.pilihan,
                t!(
                    "sekolah `{p}` dipilih dua kali",
                    "school `{p}` chosen twice"
                ),
            ));
        }
        pilihan.push(s);
    }
    let lahir = match k.lahir {
        Some(i) => {
            let v = b.sel(i)?;
            if v.is_empty() && !prepared.perlu_lahir {
                None
            } else {
                let d = nilai::hari(v).ok_or_else(|| {
                    b.err(
                        i,
                        t!(
                            "`{v}` bukan tanggal TTTT-BB-HH",
                            "`{v}` is not a YYYY-MM-DD date"
                        ),
                    )
                })?;
                if !c.lahir.contains(&d) {
                    return Err(b.err(
                        i,
                        t!(
                            "tanggal lahir `{v}` tidak mungkin: sesudah tanggal acuan usia, atau lebih dari 100 tahun sebelumnya",
                            "birth date `{v}` is impossible: after the age reference date, or more than 100 years before it"
                        ),
                    ));
                }
                Some(d)
            }
        }
        None => None,
    };
    let waktu_daftar = waktu(
        b,
        c,
        k.waktu,
        prepared.perlu_waktu,
        "waktu daftar",
        "registration time",
    )?;
    let waktu_verifikasi = waktu(
        b,
        c,
        k.verifikasi,
        prepared.perlu_verifikasi,
        "waktu verifikasi",
        "verification time",
    )?
    .unwrap_or(KOSONG);
    let nomor_pendaftaran = match k.nomor {
        Some(i) => {
            let v = b.sel(i)?;
            if v.is_empty() && !prepared.perlu_nomor {
                KOSONG
            } else if v.is_empty() || v.len() > 18 || !v.bytes().all(|x| x.is_ascii_digit()) {
                return Err(b.err(
                    i,
                    t!(
                        "nomor pendaftaran `{v}` harus angka saja (paling banyak 18 digit), karena urutan membandingkannya sebagai bilangan",
                        "registration number `{v}` must be digits only (at most 18), since the ranking compares it as a number"
                    ),
                ));
            } else {
                v.parse::<i64>().unwrap_or(KOSONG)
            }
        }
        None => KOSONG,
    };
    let lokasi = koordinat(b, k.lintang, k.bujur)?;
    let mut jarak: smallvec::SmallVec<[u32; 4]> = smallvec::SmallVec::new();
    if let Some(i) = k.jarak {
        let v = b.sel(i)?;
        if !v.is_empty() {
            for (n, x) in v.split(';').map(str::trim).enumerate() {
                let m = nilai::angka(x)
                    .ok()
                    .filter(|m| *m >= 0.0 && *m < 1e8)
                    .ok_or_else(|| {
                        let n = n + 1;
                        let why = nilai::angka(x).err().map(|e| e.id).unwrap_or_default();
                        let why_en = nilai::angka(x).err().map(|e| e.en).unwrap_or_default();
                        b.err(
                            i,
                            t!(
                                "jarak ke-{n} `{x}` bukan meter {why}",
                                "distance {n} `{x}` is not metres {why_en}"
                            ),
                        )
                    })?;
                jarak.push(m.round() as u32);
            }
            if jarak.len() != pilihan.len() {
                let (a, p) = (jarak.len(), pilihan.len());
                return Err(b.err(
                    i,
                    t!(
                        "{a} jarak untuk {p} pilihan",
                        "{a} distances for {p} choices"
                    ),
                ));
            }
        }
    }
    if jarak.is_empty() {
        jarak = pilihan
            .iter()
            .map(
                |&s| match (lokasi, c.sekolah.get(s as usize).and_then(|x| x.lokasi)) {
                    (Some(a), Some(t)) => crate::engine::jarak_m(a, t),
                    _ => u32::MAX,
                },
            )
            .collect();
    }
    let wilayah: smallvec::SmallVec<[u32; 2]> = k
        .wilayah
        .map(|i| b.sel(i))
        .transpose()?
        .map(|v| list(v).filter_map(|w| c.kode.get(w).copied()).collect())
        .unwrap_or_default();
    // At most `maksimal_luar_wilayah` of the counted choices outside the zone.
    if let Some(maks) = prepared.maks_luar_wilayah {
        let luar: Vec<&str> = pilihan
            .iter()
            .zip(&jarak)
            .take(prepared.maks_pilihan)
            .filter(|&(&s, &d)| {
                let Some(sk) = c.sekolah.get(s as usize) else {
                    return false;
                };
                match prepared.radius_m {
                    Some(r) => d > r,
                    None => !wilayah
                        .iter()
                        .any(|w| sk.wilayah_id.binary_search(w).is_ok()),
                }
            })
            .filter_map(|(&s, _)| c.sekolah.get(s as usize).map(|x| x.npsn.as_str()))
            .collect();
        if luar.len() > maks as usize {
            let (n, l) = (luar.len(), luar.join(", "));
            return Err(b.err(
                k.pilihan,
                t!(
                    "{n} pilihan di luar wilayah ({l}); juknis membolehkan paling banyak {maks}",
                    "{n} choices outside the zone ({l}); the juknis allows at most {maks}"
                ),
            ));
        }
    }
    let mut status = 0u64;
    if let Some(i) = k.status {
        for s in list(b.sel(i)?) {
            // Only statuses the plan refers to can change a decision.
            let s = s.to_lowercase();
            if let Some(bit) = prepared.status.iter().position(|x| *x == s) {
                status |= 1 << bit;
            }
        }
    }
    let sekolah_ortu = match k.sekolah_ortu {
        Some(i)
            if prepared
                .anak_guru
                .is_some_and(|bit| status & (1 << bit) != 0) =>
        {
            let v = npsn_normal(b.sel(i)?);
            if v.is_empty() {
                return Err(b.err(
                    i,
                    t!(
                        "anak guru: tulis NPSN sekolah tempat orang tuanya mengajar",
                        "teacher's child: give the NPSN of the school where the parent teaches"
                    ),
                ));
            }
            Some(*c.npsn.get(v.as_ref()).ok_or_else(|| {
                b.err(
                    i,
                    t!(
                        "sekolah `{v}` tidak ada di berkas sekolah",
                        "school `{v}` is not in the schools file"
                    ),
                )
            })?)
        }
        _ => None,
    };
    let mut angka: smallvec::SmallVec<[i64; 4]> = smallvec::SmallVec::new();
    for &i in &k.angka {
        // Read exactly; only a cell that is not a plain decimal goes through the
        // reader that explains what is wrong with it.
        let cell = b.sel(i)?;
        let exact = if cell.is_empty() {
            KOSONG
        } else {
            match Angka::parse(cell) {
                Ok(a) if a <= Angka::whole(1_000_000) => a.millionths(),
                _ => {
                    let x = b.angka(i)?.unwrap_or(f64::NAN);
                    // `-0` is the only number the exact reader refuses in range.
                    if x == 0.0 {
                        0
                    } else {
                        return Err(b.err(
                            i,
                            t!("nilai {x} di luar 0–1000000", "value {x} outside 0–1000000"),
                        ));
                    }
                }
            }
        };
        angka.push(exact);
    }
    for (n, &(ia, ip)) in k.poin.iter().enumerate() {
        let (kat, per) = (b.sel(ia)?, b.sel(ip)?);
        let poin = if kat.is_empty() && per.is_empty() {
            0
        } else {
            let tabel = &prepared.poin[n].1;
            match tabel.get(&(kat.to_lowercase(), per.to_lowercase())) {
                Some(p) => p.millionths(),
                None => {
                    let known: Vec<String> =
                        tabel.keys().map(|(a, b)| format!("{a} {b}")).collect();
                    let known = known.join(", ");
                    return Err(b.err(
                        ia,
                        t!(
                            "`{kat} {per}` tidak ada di tabel poin; yang ada: {known}",
                            "`{kat} {per}` is not in the points table; known: {known}"
                        ),
                    ));
                }
            }
        };
        angka.push(poin);
    }
    if prepared.perlu_verifikasi {
        angka.push(waktu_verifikasi);
    }
    if prepared.perlu_nomor {
        angka.push(nomor_pendaftaran);
    }
    Ok(Pendaftar {
        nisn,
        baris: b.nomor,
        jalur,
        pilihan,
        jarak,
        lahir,
        waktu_daftar,
        wilayah,
        status,
        sekolah_ortu,
        nilai: angka,
    })
}

/// A time cell (`TTTT-BB-HH JJ:MM[:DD]`) within the admission year, in seconds
/// since 1970-01-01; empty is allowed when nothing ranks by it.
fn waktu(
    b: &Baris,
    c: &Context,
    col: Option<usize>,
    perlu: bool,
    apa: &str,
    what: &str,
) -> Result<Option<i64>, DataError> {
    let Some(i) = col else {
        return Ok(None);
    };
    let v = b.sel(i)?;
    if v.is_empty() && !perlu {
        return Ok(None);
    }
    let t = nilai::detik(v).ok_or_else(|| {
        b.err(
            i,
            t!(
                "`{v}` bukan waktu TTTT-BB-HH JJ:MM[:DD]",
                "`{v}` is not a YYYY-MM-DD HH:MM[:SS] time"
            ),
        )
    })?;
    if !c.waktu.contains(&t) {
        return Err(b.err(
            i,
            t!(
                "{apa} `{v}` di luar tahun penerimaan (setahun sebelum sampai akhir tahun tanggal acuan)",
                "{what} `{v}` is outside the admission year (from a year before to the end of the reference date's year)"
            ),
        ));
    }
    Ok(Some(t))
}
