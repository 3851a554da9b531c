//! The plan prepared for running (`Prepared::from_plan`): unit ids, statuses,
//! score formulas, points tables and age limits resolved to indexes and fixed
//! numbers, once. Reads every `seleksi`, `skor`, `poin`, `usia`, `wilayah`,
//! `pilihan`, `cadangan` and `kursi` field of the plan; the other rooms read
//! only the `Prepared`.

use super::*;

/// The status of a teacher's child; it holds only at the parent's school.
pub(super) const ANAK_GURU: &str = "anak_guru";

#[derive(Debug, Clone)]
pub(super) enum SyaratC {
    DalamWilayah,
    Status(usize),
    /// `status anak_guru`: a teacher's child, at the school where the parent
    /// teaches only (FAQ 60, 61).
    AnakGuru(usize),
    /// A distance ring: whole metres, both ends inclusive.
    Jarak(u32, u32),
    /// Any one of these statuses (bit mask); `anak_guru` among them (its bit)
    /// holds only at the parent's school.
    SalahSatu(u64, Option<usize>),
    /// Lives in one of the school's areas of this level (`TINGKAT_WILAYAH`
    /// index), over which the unit's seats are split (`per`).
    DalamBagian(usize),
    /// TK: aged `min` to `max` months on the reference date, the maximum
    /// holding until the next birthday.
    Kelompok(u32, u32),
}

#[derive(Debug, Clone, Copy)]
pub(super) enum KriteriaC {
    Skor(usize),
    Jarak,
    Usia,
    Waktu,
    WaktuVerifikasi,
    Nomor,
    /// At or above the plan's priority age: 0, else 1.
    UsiaPrioritas,
    /// Has the status with this bit: 0, else 1.
    Status(usize),
    /// The lottery with this index into `Prepared::undian`.
    Undian(usize),
}

#[derive(Debug, Clone)]
pub(super) enum SumberC {
    /// Index into `Pendaftar::nilai`.
    Slot(usize),
    /// Another score.
    Skor(usize),
}

#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub tahap: u32,
    pub(super) syarat: Vec<SyaratC>,
    pub urutan: Vec<KriteriaPlan>,
    pub(super) kriteria: Vec<(KriteriaC, Arah)>,
    pub sisa_ke: Option<usize>,
    /// Where applicants not accepted here compete next in this wave (`lanjut`).
    pub lanjut_ke: Option<usize>,
    /// Position in the seat scheme: jalur index, and sub-jalur index if any.
    pub(super) jalur: usize,
    pub(super) sub: Option<usize>,
    /// Seats split over the school's areas of this level (`TINGKAT_WILAYAH`
    /// index), each applicant competing in their own area.
    pub per: Option<usize>,
    /// A later round of another unit (`ulang_dari`): no seats of its own, only
    /// those carried in.
    pub ulang: bool,
    /// TK: the unit's seats are this schools-file column (`daya_tampung_a`:
    /// column names are compared in lower case).
    pub kursi_kolom: Option<String>,
}

/// A points table: (kategori, peringkat) → points.
pub type TabelPoin = BTreeMap<(String, String), Angka>;

/// A plan prepared for running: names resolved to indexes, numbers parsed.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub units: Vec<Unit>,
    /// Waves in order, each with its units in processing order.
    pub tahap: Vec<(u32, Vec<usize>)>,
    /// Numeric applicant columns the score formulas read.
    pub kolom_angka: Vec<String>,
    /// Points tables: name and (kategori, peringkat) → points.
    pub poin: Vec<(String, TabelPoin)>,
    /// Scores: name and terms (weight in units of 1/10 000 %, source).
    pub(super) skor: Vec<(String, Vec<(i64, SumberC)>)>,
    /// Per score: the cap and the decimals kept.
    pub(super) skor_akhir: Vec<(Option<Angka>, u32)>,
    /// Statuses the plan refers to; bit k of `Pendaftar::status`.
    pub status: Vec<String>,
    pub perlu_lahir: bool,
    pub perlu_waktu: bool,
    /// Some ranking uses the verification time (`waktu_verifikasi` column).
    pub perlu_verifikasi: bool,
    /// Some ranking uses the registration number (`nomor_pendaftaran` column).
    pub perlu_nomor: bool,
    pub perlu_jarak: bool,
    /// Where `Pendaftar::nilai` holds the verification time and the
    /// registration number (past the end when the plan reads none).
    pub(super) slot_verifikasi: usize,
    pub(super) slot_nomor: usize,
    /// Lottery seeds, one per distinct `undian` criterion.
    pub(super) undian: Vec<String>,
    /// Some unit requires `dalam_wilayah` and the zone is by area codes.
    pub perlu_wilayah: bool,
    /// Area levels some unit splits its seats over (`TINGKAT_WILAYAH`
    /// indexes): every school needs that column, applicants their area codes.
    pub perlu_wilayah_kursi: Vec<usize>,
    /// Some unit admits teachers' children: the parent's school is needed.
    pub perlu_sekolah_ortu: bool,
    /// The status bit of `anak_guru`, when the plan uses it.
    pub anak_guru: Option<usize>,
    /// The age reference date, days since 1970-01-01.
    pub acuan: i64,
    pub(super) usia_min: Option<i64>,
    pub(super) usia_max: Option<i64>,
    pub(super) prioritas: Option<i64>,
    pub(super) istimewa: Option<i64>,
    pub(super) bebas_usia: u64,
    /// School kinds (`layanan`) where the age limits do not apply.
    pub(super) bebas_sekolah: Vec<String>,
    pub(super) bit_istimewa: Option<usize>,
    pub(super) radius_m: Option<u32>,
    pub(super) kursi: KursiSiap,
    /// Schools' own splits (`kursi.varian`), and which school uses which:
    /// (NPSN, variant) sorted by NPSN.
    pub(super) varian: Vec<KursiSiap>,
    pub(super) varian_sekolah: Vec<(String, usize)>,
    pub mekanisme: Mekanisme,
    pub maks_pilihan: usize,
    /// Units an applicant may register in per wave.
    pub jalur_per_tahap: usize,
    /// At most this many counted choices outside the applicant's zone.
    pub maks_luar_wilayah: Option<u32>,
    /// Schools outside the jalur (Pasal 7(2)), by NPSN (sorted, blanks
    /// removed), with the reason: no seats through this plan.
    pub dikecualikan: Vec<(String, String)>,
    pub(super) cadangan: Cadangan,
}

/// Longest ranking chain the engine keys: criteria (the SD age priority is one)
/// + choice rank + the applicant-order tie-break, one slot spare.
pub(super) const KUNCI: usize = 12;
pub(super) const MAKS_URUTAN: usize = KUNCI - 3;

pub(super) type Key = [i64; KUNCI];

/// The key the assignment compares: choice number, then for each stretch of the
/// ranking between distance criteria the applicant's rank in that stretch, with
/// the distance between (see `Peringkat`). Equal order to `Key`, in 24 bytes:
/// six 32-bit slots packed two to a word, so a comparison looks at three words.
pub(super) type K = [u64; 3];

/// Most distance criteria one ranking may use (each takes two slots of `K`).
pub(super) const MAKS_JARAK: usize = 2;

impl Prepared {
    pub fn from_plan(plan: &Plan) -> Result<Prepared, Text> {
        // Nothing to select: a plan without units (a TK plan from a juknis
        // without age groups).
        if plan.seleksi.is_empty() {
            let j = plan.juknis.jenjang.as_str();
            return Err(t!(
                "rencana {j} ini tidak punya unit untuk diseleksi (TK: tulis kelompok usia di blok `usia`); mesin seleksi tidak menjalankannya",
                "this {j} plan has no unit to select (TK: write the age groups in the `usia` block); the engine does not run it"
            ));
        }
        let mut status: Vec<String> = Vec::new();
        let bit = |s: &str, status: &mut Vec<String>| -> usize {
            match status.iter().position(|x| x == s) {
                Some(k) => k,
                None => {
                    status.push(s.to_string());
                    status.len() - 1
                }
            }
        };
        // Score columns and tables.
        let mut kolom_angka: Vec<String> = Vec::new();
        let mut poin_names: Vec<String> = Vec::new();
        for s in &plan.skor {
            for su in &s.suku {
                match &su.sumber {
                    Sumber::Poin { tabel } => {
                        if !poin_names.contains(tabel) {
                            poin_names.push(tabel.clone());
                        }
                    }
                    Sumber::Masukan { nama } if plan.skor.iter().any(|x| &x.nama == nama) => {}
                    _ => {
                        for k in &su.kolom {
                            if !kolom_angka.contains(k) {
                                kolom_angka.push(k.clone());
                            }
                        }
                    }
                }
            }
        }
        let poin: Vec<(String, TabelPoin)> = poin_names
            .iter()
            .map(|n| {
                let mut m = BTreeMap::new();
                if let Some(t) = plan.poin.iter().find(|t| &t.nama == n) {
                    for b in &t.baris {
                        for v in &b.nilai {
                            m.insert(
                                (b.kategori.to_lowercase(), v.peringkat.to_lowercase()),
                                v.poin,
                            );
                        }
                    }
                }
                (n.clone(), m)
            })
            .collect();
        let mut skor = Vec::new();
        for s in &plan.skor {
            let mut suku = Vec::new();
            for su in &s.suku {
                let bobot = su.bobot.units();
                let src = match &su.sumber {
                    Sumber::Poin { tabel } => SumberC::Slot(
                        kolom_angka.len() + poin_names.iter().position(|n| n == tabel).unwrap_or(0),
                    ),
                    Sumber::Masukan { nama } if plan.skor.iter().any(|x| &x.nama == nama) => {
                        SumberC::Skor(plan.skor.iter().position(|x| &x.nama == nama).unwrap_or(0))
                    }
                    _ => {
                        let k = su.kolom.first().cloned().unwrap_or_default();
                        SumberC::Slot(kolom_angka.iter().position(|x| *x == k).unwrap_or(0))
                    }
                };
                suku.push((bobot, src));
            }
            skor.push((s.nama.clone(), suku));
        }
        // A score that reads itself, directly or not, cannot be computed.
        for (i, (n, _)) in skor.iter().enumerate() {
            let mut stack = vec![(i, 0usize)];
            while let Some((k, depth)) = stack.pop() {
                if depth > skor.len() {
                    return Err(t!(
                        "skor `{n}` memakai dirinya sendiri",
                        "score `{n}` refers to itself"
                    ));
                }
                for (_, s) in &skor[k].1 {
                    if let SumberC::Skor(j) = s {
                        stack.push((*j, depth + 1));
                    }
                }
            }
        }
        let mut units = Vec::new();
        let (mut perlu_lahir, mut perlu_waktu, mut perlu_jarak) = (false, false, false);
        let (mut perlu_verifikasi, mut perlu_nomor) = (false, false);
        let mut undian: Vec<String> = Vec::new();
        for u in &plan.seleksi {
            // A TK age group (or a later round of one) has its own seats: a
            // position past the seat scheme's jalur, one per unit.
            let kelompok = u.kursi_kolom.is_some()
                || u.ulang_dari.as_ref().is_some_and(|a| {
                    plan.seleksi
                        .iter()
                        .any(|x| &x.id == a && x.kursi_kolom.is_some())
                });
            let jalur = if kelompok {
                plan.seleksi
                    .iter()
                    .position(|x| x.id == u.jalur)
                    .map(|i| plan.kursi.jalur.len() + i)
            } else {
                plan.kursi.jalur.iter().position(|j| j.id == u.jalur)
            };
            let Some(jalur) = jalur else {
                let id = &u.id;
                return Err(t!(
                    "unit `{id}` tidak ada di skema kursi",
                    "unit `{id}` is missing from the seat scheme"
                ));
            };
            let sub = plan
                .kursi
                .jalur
                .get(jalur)
                .and_then(|j| j.sub.iter().position(|s| s.id == u.id));
            let mut syarat = Vec::new();
            for s in &u.syarat {
                match s {
                    Syarat::DalamWilayah => syarat.push(SyaratC::DalamWilayah),
                    Syarat::Status(n) | Syarat::Lain(n) if n.eq_ignore_ascii_case(ANAK_GURU) => {
                        syarat.push(SyaratC::AnakGuru(bit(ANAK_GURU, &mut status)))
                    }
                    Syarat::Status(n) | Syarat::Lain(n) => {
                        syarat.push(SyaratC::Status(bit(&n.to_lowercase(), &mut status)))
                    }
                    Syarat::SalahSatu(names) => {
                        let mut mask = 0u64;
                        let mut guru = None;
                        for n in names {
                            let n = n.to_lowercase();
                            let b = bit(&n, &mut status);
                            if n == ANAK_GURU {
                                guru = Some(b);
                            } else if b < 64 {
                                mask |= 1 << b;
                            }
                        }
                        syarat.push(SyaratC::SalahSatu(mask, guru));
                    }
                    Syarat::Jarak {
                        minimal_m,
                        maksimal_m,
                    } => {
                        perlu_jarak = true;
                        syarat.push(SyaratC::Jarak(minimal_m.unwrap_or(0), *maksimal_m));
                    }
                    Syarat::Kelompok {
                        minimal_bulan,
                        maksimal_bulan,
                        ..
                    } => {
                        perlu_lahir = true;
                        syarat.push(SyaratC::Kelompok(*minimal_bulan, *maksimal_bulan));
                    }
                }
            }
            // Seats split over areas: only those living in one of the school's
            // areas of that level can take one.
            let per = match &u.per {
                Some(w) => {
                    let Some(l) = crate::plan::TINGKAT_WILAYAH.iter().position(|t| t == w) else {
                        let id = &u.id;
                        return Err(t!(
                            "`per {w}` pada `{id}` bukan tingkat wilayah",
                            "`per {w}` of `{id}` is not an area level"
                        ));
                    };
                    syarat.push(SyaratC::DalamBagian(l));
                    Some(l)
                }
                None => None,
            };
            if u.urutan.len() > MAKS_URUTAN {
                let id = &u.id;
                return Err(t!(
                    "urutan `{id}` lebih dari {MAKS_URUTAN} kriteria",
                    "ranking of `{id}` has more than {MAKS_URUTAN} criteria"
                ));
            }
            if u.urutan
                .iter()
                .filter(|k| k.kriteria == KriteriaJenis::Jarak)
                .count()
                > MAKS_JARAK
            {
                let id = &u.id;
                return Err(t!(
                    "urutan `{id}` memakai jarak lebih dari {MAKS_JARAK} kali",
                    "ranking of `{id}` uses distance more than {MAKS_JARAK} times"
                ));
            }
            for k in &u.urutan {
                match &k.kriteria {
                    KriteriaJenis::Usia => perlu_lahir = true,
                    KriteriaJenis::UsiaPrioritas if plan.usia.prioritas_bulan.is_none() => {
                        let id = &u.id;
                        return Err(t!(
                            "urutan `{id}` memakai `usia_prioritas`, tetapi rencana tidak menetapkan usia prioritas",
                            "ranking of `{id}` uses `usia_prioritas`, but the plan sets no priority age"
                        ));
                    }
                    KriteriaJenis::UsiaPrioritas => perlu_lahir = true,
                    KriteriaJenis::WaktuDaftar => perlu_waktu = true,
                    KriteriaJenis::WaktuVerifikasi => perlu_verifikasi = true,
                    KriteriaJenis::NomorPendaftaran => perlu_nomor = true,
                    KriteriaJenis::Jarak => perlu_jarak = true,
                    KriteriaJenis::Skor(n) if !plan.skor.iter().any(|s| &s.nama == n) => {
                        return Err(t!(
                            "skor `{n}` tidak ada di rencana",
                            "score `{n}` is not in the plan"
                        ));
                    }
                    _ => {}
                }
            }
            let kriteria = u
                .urutan
                .iter()
                .map(|k| {
                    let c = match &k.kriteria {
                        KriteriaJenis::Skor(n) => KriteriaC::Skor(
                            plan.skor.iter().position(|s| &s.nama == n).unwrap_or(0),
                        ),
                        KriteriaJenis::Jarak => KriteriaC::Jarak,
                        KriteriaJenis::Usia => KriteriaC::Usia,
                        KriteriaJenis::WaktuDaftar => KriteriaC::Waktu,
                        KriteriaJenis::WaktuVerifikasi => KriteriaC::WaktuVerifikasi,
                        KriteriaJenis::NomorPendaftaran => KriteriaC::Nomor,
                        KriteriaJenis::UsiaPrioritas => KriteriaC::UsiaPrioritas,
                        KriteriaJenis::Status(n) => {
                            KriteriaC::Status(bit(&n.to_lowercase(), &mut status))
                        }
                        KriteriaJenis::Undian(b) => KriteriaC::Undian(
                            undian.iter().position(|x| x == b).unwrap_or_else(|| {
                                undian.push(b.clone());
                                undian.len() - 1
                            }),
                        ),
                    };
                    (c, k.arah)
                })
                .collect();
            units.push(Unit {
                id: u.id.clone(),
                tahap: u.tahap,
                syarat,
                kriteria,
                urutan: u.urutan.clone(),
                sisa_ke: None,
                lanjut_ke: None,
                jalur,
                sub,
                per,
                ulang: u.ulang_dari.is_some(),
                kursi_kolom: u.kursi_kolom.as_ref().map(|k| k.to_lowercase()),
            });
        }
        for (i, u) in plan.seleksi.iter().enumerate() {
            if let Some(t) = &u.sisa_ke {
                // Carry-over to a jalur with sub-jalur goes to its first one.
                let target = units.iter().position(|x| &x.id == t).or_else(|| {
                    units
                        .iter()
                        .position(|x| x.id.starts_with(&format!("{t}.")))
                });
                units[i].sisa_ke = target;
            }
            if let Some(t) = &u.lanjut_ke {
                units[i].lanjut_ke = units.iter().position(|x| &x.id == t);
            }
        }
        let tahap = plan
            .tahap
            .iter()
            .map(|t| {
                let order = t
                    .urutan_proses
                    .iter()
                    .filter_map(|id| units.iter().position(|u| &u.id == id))
                    .collect();
                (t.nomor, order)
            })
            .collect();
        let acuan = data::hari(&plan.usia.tanggal_acuan).ok_or_else(|| {
            t!(
                "tanggal_acuan rencana tidak sah",
                "the plan's tanggal_acuan is invalid"
            )
        })?;
        // Exemptions are applicant statuses (`disabilitas`) or school kinds
        // (`daerah_3t`: the school's `layanan` column), as Pasal 15 words them.
        let mut bebas_usia = 0u64;
        let mut bebas_sekolah = Vec::new();
        for s in &plan.usia.pengecualian {
            let s = s.to_lowercase();
            if data::LAYANAN.contains(&s.as_str()) {
                bebas_sekolah.push(s);
                continue;
            }
            let k = bit(&s, &mut status);
            if k < 64 {
                bebas_usia |= 1 << k;
            }
        }
        let bit_istimewa = plan
            .usia
            .istimewa
            .as_ref()
            .map(|_| bit("istimewa", &mut status));
        if plan.usia.minimal_bulan.is_some() || plan.usia.maksimal_bulan.is_some() {
            perlu_lahir = true;
        }
        if status.len() > 64 {
            return Err(t!(
                "rencana memakai lebih dari 64 status",
                "the plan uses more than 64 statuses"
            ));
        }
        let radius_m = match &plan.wilayah.metode {
            Some(Metode::Radius { meter }) => Some(*meter),
            _ => None,
        };
        if radius_m.is_some()
            && units
                .iter()
                .any(|u| u.syarat.iter().any(|s| matches!(s, SyaratC::DalamWilayah)))
        {
            perlu_jarak = true;
        }
        // The zone is judged for `dalam_wilayah`, and for choices outside it.
        let luar = plan.pilihan.maksimal_luar_wilayah.is_some();
        if radius_m.is_some() && luar {
            perlu_jarak = true;
        }
        let perlu_wilayah = radius_m.is_none()
            && (luar
                || units
                    .iter()
                    .any(|u| u.syarat.iter().any(|s| matches!(s, SyaratC::DalamWilayah))));
        let mut perlu_wilayah_kursi: Vec<usize> = units.iter().filter_map(|u| u.per).collect();
        perlu_wilayah_kursi.sort_unstable();
        perlu_wilayah_kursi.dedup();
        let perlu_sekolah_ortu = units.iter().any(|u| {
            u.syarat
                .iter()
                .any(|s| matches!(s, SyaratC::AnakGuru(_) | SyaratC::SalahSatu(_, Some(_))))
        });
        let anak_guru = status.iter().position(|s| s == ANAK_GURU);
        // Equal on every criterion: the applicant order, which is the NISN
        // order (`read_pendaftar` sorts by NISN), ends every key.
        match plan.penentu_seri {
            crate::plan::PenentuSeri::NisnTerkecil => {}
        }
        let maks_pilihan = match plan.pilihan.mekanisme {
            Mekanisme::Tunggal => 1,
            _ => plan.pilihan.maksimal.max(1) as usize,
        };
        let slot_tambahan = kolom_angka.len() + poin.len();
        Ok(Prepared {
            units,
            tahap,
            kolom_angka,
            poin,
            skor,
            skor_akhir: plan.skor.iter().map(|s| (s.maksimal, s.desimal)).collect(),
            status,
            perlu_lahir,
            perlu_waktu,
            perlu_verifikasi,
            perlu_nomor,
            slot_verifikasi: slot_tambahan,
            slot_nomor: slot_tambahan + usize::from(perlu_verifikasi),
            undian,
            perlu_jarak,
            perlu_wilayah,
            perlu_wilayah_kursi,
            perlu_sekolah_ortu,
            anak_guru,
            acuan,
            usia_min: plan.usia.minimal_bulan.map(i64::from),
            usia_max: plan.usia.maksimal_bulan.map(i64::from),
            prioritas: plan.usia.prioritas_bulan.map(i64::from),
            istimewa: plan
                .usia
                .istimewa
                .as_ref()
                .map(|i| i64::from(i.minimal_bulan)),
            bebas_usia,
            bebas_sekolah,
            bit_istimewa,
            radius_m,
            kursi: plan.kursi.siap(),
            varian: (0..plan.kursi.varian.len())
                .map(|v| plan.kursi.scheme_for(Some(v)).siap())
                .collect(),
            varian_sekolah: {
                let mut v: Vec<(String, usize)> = plan
                    .kursi
                    .varian
                    .iter()
                    .enumerate()
                    .flat_map(|(i, x)| {
                        x.sekolah
                            .iter()
                            .map(move |n| (n.chars().filter(|c| !c.is_whitespace()).collect(), i))
                    })
                    .collect();
                v.sort();
                v
            },
            mekanisme: plan.pilihan.mekanisme,
            maks_pilihan,
            jalur_per_tahap: plan.pilihan.jalur_per_tahap.max(1) as usize,
            maks_luar_wilayah: plan.pilihan.maksimal_luar_wilayah,
            dikecualikan: {
                let mut v: Vec<(String, String)> = plan
                    .sekolah_dikecualikan
                    .iter()
                    .map(|d| {
                        let n = d.npsn.chars().filter(|c| !c.is_whitespace()).collect();
                        (n, d.alasan.clone())
                    })
                    .collect();
                v.sort();
                v
            },
            cadangan: plan.cadangan,
        })
    }

    /// Why school `npsn` takes no part, if the plan excepts it from the jalur.
    pub fn dikecualikan(&self, npsn: &str) -> Option<&str> {
        self.dikecualikan
            .binary_search_by(|(n, _)| n.as_str().cmp(npsn))
            .ok()
            .map(|i| self.dikecualikan[i].1.as_str())
    }

    pub fn unit_index(&self, id: &str) -> Option<u16> {
        self.units.iter().position(|u| u.id == id).map(|i| i as u16)
    }
    pub fn unit_ids(&self) -> Vec<&str> {
        self.units.iter().map(|u| u.id.as_str()).collect()
    }

    /// The seat scheme of school `npsn`: its own split (`kursi.varian`), or
    /// the plan's.
    pub(super) fn skema(&self, npsn: &str) -> &KursiSiap {
        self.varian_sekolah
            .binary_search_by(|(n, _)| n.as_str().cmp(npsn))
            .ok()
            .and_then(|i| self.varian.get(self.varian_sekolah[i].1))
            .unwrap_or(&self.kursi)
    }

    /// Seats of every unit at school `npsn` of capacity `n`, in unit order.
    pub fn kursi_sekolah(&self, n: u32, npsn: &str) -> Vec<u32> {
        let skema = self.skema(npsn);
        let jalur = skema.jalur(n);
        let subs: Vec<Vec<i64>> = jalur
            .iter()
            .enumerate()
            .map(|(i, &s)| skema.sub(i, n, s))
            .collect();
        self.units
            .iter()
            .map(|u| {
                if u.ulang || u.kursi_kolom.is_some() {
                    return 0;
                }
                let v = match u.sub {
                    Some(k) => subs
                        .get(u.jalur)
                        .and_then(|s| s.get(k))
                        .copied()
                        .unwrap_or(0),
                    None => jalur.get(u.jalur).copied().unwrap_or(0),
                };
                v.max(0) as u32
            })
            .collect()
    }

    /// Where applicant `p` competes for unit `u`'s seats at school `sk`: the
    /// position of their area among the school's areas of the unit's level
    /// (the first in code order when they list several); `None` when the unit
    /// is not split, or they live in none of those areas.
    pub(super) fn bagian(&self, u: &Unit, sk: &Sekolah, p: &Pendaftar) -> Option<usize> {
        let areas = sk.wilayah_kursi_id.get(u.per?)?;
        p.wilayah
            .iter()
            .filter_map(|w| areas.binary_search(w).ok())
            .min()
    }

    /// Score `i` of one applicant in millionths, exactly as docs/plan.md states
    /// it: Σ value × weight, capped at the plan's maximum, rounded half up to
    /// its decimals; `None` when an input is empty.
    pub(super) fn nilai_skor(&self, p: &Pendaftar, i: usize, depth: usize) -> Option<i64> {
        let (_, suku) = self.skor.get(i)?;
        let mut total = Jumlah::default();
        for (bobot, src) in suku {
            let v = match src {
                SumberC::Slot(k) => *p.nilai.get(*k)?,
                SumberC::Skor(j) if depth < self.skor.len() => self.nilai_skor(p, *j, depth + 1)?,
                SumberC::Skor(_) => return None,
            };
            if v == KOSONG {
                return None;
            }
            total.add(Angka::from_millionths(v), *bobot);
        }
        let (maks, desimal) = self.skor_akhir.get(i).copied().unwrap_or((None, 6));
        Some(total.finish(maks, desimal).millionths())
    }

    /// Scores of one applicant in millionths, `KOSONG` where an input is empty.
    pub(super) fn skor_pendaftar(&self, p: &Pendaftar, out: &mut [i64]) {
        for (i, o) in out.iter_mut().enumerate() {
            *o = self.nilai_skor(p, i, 0).unwrap_or(KOSONG);
        }
    }
}
