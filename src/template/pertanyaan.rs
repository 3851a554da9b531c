//! What a Dinas decides, as questions: the key of each answer, the question, the
//! national bound beside it (from the rulebook, with its article), an example
//! of the form the answer takes, and the value `juknis init` writes when no
//! question is asked. The web page's guided form and `juknis init --tanya` ask
//! exactly these.

use crate::plan::jenis::Jenjang;
use crate::rulebook::Rulebook;
use crate::text::Text;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Pertanyaan {
    /// The answer's key (`kuota.domisili`, `tahap.1.pendaftaran`, …).
    pub kunci: String,
    /// The part of the form it belongs to.
    pub bagian: Text,
    pub judul: Text,
    /// The national bound, with its article; shown beside the answer.
    pub batas: Option<Text>,
    /// The form an answer takes (never a region's value).
    pub contoh: String,
    /// What `juknis init` writes without questions.
    pub bawaan: Option<String>,
    /// The allowed answers, when the answer is a choice.
    pub pilihan: Vec<String>,
}

/// The jalur a template has for a jenjang, with their sub-jalur.
pub fn jalur_of(j: Jenjang) -> &'static [(&'static str, &'static [&'static str])] {
    const DOM: (&str, &[&str]) = ("domisili", &[]);
    const AFI: (&str, &[&str]) = ("afirmasi", &["ketm", "disabilitas"]);
    const PRE: (&str, &[&str]) = ("prestasi", &[]);
    const MUT: (&str, &[&str]) = ("mutasi", &["pindah_tugas", "anak_guru"]);
    const NA: (&str, &[&str]) = ("nilai_akademik", &[]);
    match j {
        Jenjang::TK => &[],
        Jenjang::SD => &[DOM, AFI, MUT],
        Jenjang::SMP | Jenjang::SMA => &[DOM, AFI, PRE, MUT],
        Jenjang::SMK => &[DOM, AFI, MUT, NA],
    }
}

/// Students per rombel at most (Permendikbudristek 47/2023 Pasal 8).
pub fn rombel_of(j: Jenjang) -> u32 {
    match j {
        Jenjang::TK => 15,
        Jenjang::SD => 28,
        Jenjang::SMP => 32,
        Jenjang::SMA | Jenjang::SMK => 36,
    }
}

/// The quotas `juknis init` writes without questions (at or inside the
/// national bounds; the writer decides the real ones).
fn default_kuota(j: Jenjang, jalur: &str) -> Option<&'static str> {
    Some(match (j, jalur) {
        (Jenjang::SD, "domisili") => "80%",
        (Jenjang::SMP, "domisili") => "50%",
        (Jenjang::SMA, "domisili") => "35%",
        (Jenjang::SMK, "domisili") => "10%",
        (Jenjang::SD | Jenjang::SMK, "afirmasi") => "15%",
        (Jenjang::SMP, "afirmasi") => "20%",
        (Jenjang::SMA, "afirmasi") => "30%",
        (Jenjang::SD | Jenjang::SMK, "afirmasi.ketm") => "13%",
        (Jenjang::SMP, "afirmasi.ketm") => "18%",
        (Jenjang::SMA, "afirmasi.ketm") => "28%",
        (_, "afirmasi.disabilitas") => "2%",
        (Jenjang::SMP, "prestasi") => "25%",
        (Jenjang::SMA, "prestasi") => "30%",
        (_, "mutasi") => "5%",
        (_, "mutasi.pindah_tugas") => "4%",
        (_, "mutasi.anak_guru") => "1%",
        (Jenjang::SMK, "nilai_akademik") => "70%",
        _ => return None,
    })
}

fn default_urutan(j: Jenjang, jalur: &str) -> &'static str {
    let sd = j == Jenjang::SD;
    match jalur {
        "domisili" if j == Jenjang::SMA => {
            "nilai_rapor tertinggi, jarak terdekat, usia tertua, waktu_daftar terawal"
        }
        "domisili" if sd || j == Jenjang::TK => "usia tertua, jarak terdekat, waktu_daftar terawal",
        "domisili" => "jarak terdekat, usia tertua, waktu_daftar terawal",
        "afirmasi" if sd => "usia_prioritas, jarak terdekat, usia tertua, waktu_daftar terawal",
        "afirmasi" => "jarak terdekat, usia tertua, waktu_daftar terawal",
        "mutasi" if sd => "usia_prioritas, jarak terdekat, waktu_daftar terawal",
        "mutasi" => "jarak terdekat, waktu_daftar terawal",
        _ => "nilai_rapor tertinggi, jarak terdekat, waktu_daftar terawal",
    }
}

fn number(p: f64) -> String {
    if p.fract() == 0.0 {
        format!("{}", p as i64)
    } else {
        format!("{p}")
    }
}

/// The national bound on a quota, from the rulebook, as the web page's bars show it.
fn kuota_bound(rb: &Rulebook, j: Jenjang, jalur: &str) -> Option<Text> {
    if let Some(b) = crate::tinjauan::kuota_bound(rb, Some(j), jalur) {
        let p = number(b.persen);
        let pasal = b.pasal.map(|p| format!(" ({p})")).unwrap_or_default();
        return Some(if b.jenis == "min" {
            Text::new(
                format!("paling sedikit {p}%{pasal}"),
                format!("at least {p}%{pasal}"),
            )
        } else {
            Text::new(
                format!("paling banyak {p}%{pasal}"),
                format!("at most {p}%{pasal}"),
            )
        });
    }
    match jalur {
        "afirmasi.ketm" | "afirmasi.disabilitas" => Some(Text::new(
            "keluarga tidak mampu dan penyandang disabilitas keduanya diberi kuota (FAQ 27, 38, 41)",
            "both poor families and pupils with disabilities get a quota (FAQ 27, 38, 41)",
        )),
        "mutasi.pindah_tugas" | "mutasi.anak_guru" => Some(Text::new(
            "perpindahan tugas orang tua dan anak guru, jumlahnya dalam kuota mutasi (FAQ 27, 60, 61)",
            "parents moved for work and teachers' children, within the mutasi quota (FAQ 27, 60, 61)",
        )),
        "nilai_akademik" => Some(Text::new(
            "SMK menamai jalurnya sendiri; jumlah semua kuota tepat 100% (Pasal 6; FAQ 76)",
            "an SMK names its own jalur; all quotas sum to exactly 100% (Pasal 6; FAQ 76)",
        )),
        _ => None,
    }
}

struct Q<'a> {
    out: &'a mut Vec<Pertanyaan>,
    bagian: Text,
}

impl Q<'_> {
    fn ask(
        &mut self,
        kunci: impl Into<String>,
        judul: Text,
        batas: Option<Text>,
        contoh: &str,
        bawaan: Option<String>,
    ) {
        self.out.push(Pertanyaan {
            kunci: kunci.into(),
            bagian: self.bagian.clone(),
            judul,
            batas,
            contoh: contoh.into(),
            bawaan,
            pilihan: Vec::new(),
        });
    }
    fn choose(&mut self, kunci: &str, judul: Text, batas: Option<Text>, pilihan: &[&str]) {
        self.ask(
            kunci,
            judul,
            batas,
            pilihan[0],
            Some(pilihan[0].to_string()),
        );
        if let Some(q) = self.out.last_mut() {
            q.pilihan = pilihan.iter().map(|s| s.to_string()).collect();
        }
    }
}

fn tx(id: &str, en: &str) -> Text {
    Text::new(id, en)
}

/// The questions for a jenjang, in the order the juknis states the answers;
/// `tahun` is the admission year (the dates `juknis init` proposes use it).
pub fn pertanyaan(rb: &Rulebook, j: Jenjang, tahun: i32) -> Vec<Pertanyaan> {
    let mut out = Vec::new();
    let y = tahun;
    let rombel = rombel_of(j);
    let mut q = Q {
        out: &mut out,
        bagian: tx("Umum", "General"),
    };
    let (tingkat_id, tingkat_en, contoh_pemerintah) = if matches!(j, Jenjang::SMA | Jenjang::SMK) {
        ("pemerintah provinsi", "a province", "Provinsi …")
    } else {
        (
            "pemerintah kabupaten/kota",
            "a regency or city",
            "Kota … / Kabupaten …",
        )
    };
    q.ask(
        "pemerintah",
        tx(
            "Pemerintah daerah yang menetapkan",
            "The government that issues it",
        ),
        Some(Text::new(
            format!("juknis {} ditetapkan {tingkat_id} (FAQ 15)", j.as_str()),
            format!("a {} juknis is issued by {tingkat_en} (FAQ 15)", j.as_str()),
        )),
        contoh_pemerintah,
        None,
    );
    q.ask(
        "ditetapkan",
        tx("Tanggal penetapan juknis", "Date the juknis is signed"),
        Some(tx(
            "paling lambat 2 bulan sebelum pengumuman pendaftaran (Pasal 33)",
            "at least 2 months before registration is announced (Pasal 33)",
        )),
        "TTTT-BB-HH",
        Some(format!("{y}-02-27")),
    );
    q.ask(
        "pengumuman_pendaftaran",
        tx(
            "Tanggal pengumuman pendaftaran",
            "Date registration is announced",
        ),
        Some(tx(
            "minggu pertama Mei (FAQ 66)",
            "first week of May (FAQ 66)",
        )),
        "TTTT-BB-HH",
        Some(format!("{y}-05-04")),
    );
    q.ask(
        "rombel",
        tx(
            "Murid per rombel, paling banyak",
            "Pupils per class, at most",
        ),
        Some(Text::new(
            format!(
                "{} paling banyak {rombel} (Permendikbudristek 47/2023 Pasal 8)",
                j.as_str()
            ),
            format!(
                "{} at most {rombel} (Permendikbudristek 47/2023 Pasal 8)",
                j.as_str()
            ),
        )),
        &rombel.to_string(),
        Some(rombel.to_string()),
    );
    if j == Jenjang::TK {
        q.ask(
            "urutan",
            tx(
                "Bila pendaftar melebihi kursi: siapa didahulukan",
                "When applicants exceed the seats: who goes first",
            ),
            Some(tx("praktik daerah", "regional practice")),
            "usia tertua, jarak terdekat, waktu_daftar terawal",
            Some(default_urutan(j, "domisili").into()),
        );
    } else {
        q.bagian = tx("Wilayah dan pilihan", "Zone and choices");
        q.choose(
            "wilayah",
            tx("Cara menetapkan wilayah penerimaan", "How the admission zone is set"),
            Some(tx(
                "kelurahan/desa dan/atau kecamatan, radius, atau cara lain yang diuraikan (Pasal 25 ayat 3)",
                "village and/or district, a radius, or another method described (Pasal 25(3))",
            )),
            &[
                "administratif kelurahan, kecamatan",
                "administratif kelurahan",
                "administratif kecamatan",
                "radius 3 km",
                "lainnya \"uraian metode\"",
            ],
        );
        if let Some(last) = q.out.last_mut() {
            // Nothing chosen for the writer: the form starts empty.
            last.bawaan = Some("administratif kelurahan, kecamatan".into());
        }
        q.ask(
            "pilihan",
            tx(
                "Berapa sekolah boleh dipilih",
                "How many schools may be chosen",
            ),
            None,
            "1",
            Some("1".into()),
        );
        q.choose(
            "mekanisme",
            tx("Cara pilihan diproses", "How choices are processed"),
            Some(tx(
                "satu pilihan: tunggal; lebih dari satu: salah satu mekanisme lain",
                "one choice: tunggal; more than one: one of the other mechanisms",
            )),
            &[
                "tunggal",
                "pilihan_pertama_diutamakan",
                "penerimaan_tertunda",
            ],
        );
        if j != Jenjang::SD {
            q.bagian = tx("Nilai rapor", "Report-card score");
            let (smt, contoh) = if j == Jenjang::SMP {
                (
                    "kelas 4 semester 1 sampai kelas 6 semester 1",
                    "kelas 4 semester 1 sampai kelas 6 semester 1",
                )
            } else {
                ("semester 1..5", "semester 1..5")
            };
            q.ask(
                "rapor",
                tx("Semester rapor yang dinilai", "Report-card semesters scored"),
                Some(tx(
                    "5 semester terakhir jenjang sebelumnya (FAQ 50); tanpa akreditasi sekolah (FAQ 44)",
                    "the last 5 semesters of the previous level (FAQ 50); no school accreditation (FAQ 44)",
                )),
                contoh,
                Some(smt.into()),
            );
            q.ask(
                "mapel",
                tx("Mata pelajaran yang dinilai", "Subjects scored"),
                None,
                "bindo, mtk, ipa, bing",
                Some("bindo, mtk, ipa, bing".into()),
            );
        }
    }
    for (jalur, subs) in jalur_of(j) {
        q.bagian = Text::new(format!("Jalur {jalur}"), format!("Jalur {jalur}"));
        q.ask(
            format!("kuota.{jalur}"),
            Text::new(
                format!("Kuota jalur {jalur}"),
                format!("Quota of jalur {jalur}"),
            ),
            kuota_bound(rb, j, jalur),
            "…%",
            default_kuota(j, jalur).map(String::from),
        );
        for s in *subs {
            let key = format!("{jalur}.{s}");
            q.ask(
                format!("kuota.{key}"),
                Text::new(
                    format!("Kuota sub-jalur {s}"),
                    format!("Quota of sub-jalur {s}"),
                ),
                kuota_bound(rb, j, &key),
                "…%",
                default_kuota(j, &key).map(String::from),
            );
        }
        let batas = match *jalur {
            "domisili" => Some(tx(
                "domisili diurutkan menurut jarak atau usia (FAQ 73)",
                "domisili is ranked by distance or age (FAQ 73)",
            )),
            "afirmasi" => Some(tx(
                "afirmasi diurutkan menurut jarak terdekat (FAQ 73)",
                "afirmasi is ranked by the shortest distance (FAQ 73)",
            )),
            "prestasi" | "nilai_akademik" => Some(tx(
                "diperingkat menurut skor tertinggi, tidak ada yang otomatis diterima (FAQ 46, 73)",
                "ranked by the highest score, nobody admitted automatically (FAQ 46, 73)",
            )),
            _ => None,
        };
        q.ask(
            format!("urutan.{jalur}"),
            tx("Urutan peringkat", "Ranking order"),
            batas,
            "jarak terdekat, usia tertua, waktu_daftar terawal",
            Some(default_urutan(j, jalur).into()),
        );
    }
    let jalur_awal = match j {
        Jenjang::TK => None,
        Jenjang::SD => Some("afirmasi, mutasi"),
        Jenjang::SMK => Some("afirmasi, mutasi, nilai_akademik"),
        _ => Some("afirmasi, mutasi, prestasi"),
    };
    let tahap_batas = tx(
        "pendaftaran, seleksi, pengumuman, daftar ulang berurutan; setiap jalur tepat di satu tahap (FAQ 70)",
        "registration, selection, announcement, re-registration in order; each jalur in exactly one wave (FAQ 70)",
    );
    let waves: &[(u32, Option<&str>, [String; 3])] = &[
        (
            1,
            jalur_awal,
            if j == Jenjang::TK {
                [
                    format!("{y}-06-08 sampai {y}-06-12"),
                    format!("{y}-06-19"),
                    format!("{y}-06-22 sampai {y}-06-24"),
                ]
            } else {
                [
                    format!("{y}-06-08 sampai {y}-06-10"),
                    format!("{y}-06-13"),
                    format!("{y}-06-15 sampai {y}-06-16"),
                ]
            },
        ),
        (
            2,
            Some("domisili"),
            [
                format!("{y}-06-17 sampai {y}-06-19"),
                format!("{y}-06-22"),
                format!("{y}-06-23 sampai {y}-06-24"),
            ],
        ),
    ];
    for (n, jalur, [daftar, umum, ulang]) in waves {
        if j == Jenjang::TK && *n == 2 {
            break;
        }
        q.bagian = Text::new(format!("Tahap {n}"), format!("Wave {n}"));
        if let Some(jl) = jalur {
            q.ask(
                format!("tahap.{n}.jalur"),
                tx("Jalur di tahap ini", "Jalur in this wave"),
                Some(tahap_batas.clone()),
                jl,
                Some(jl.to_string()),
            );
        }
        q.ask(
            format!("tahap.{n}.pendaftaran"),
            tx("Pendaftaran", "Registration"),
            None,
            "TTTT-BB-HH sampai TTTT-BB-HH",
            Some(daftar.clone()),
        );
        q.ask(
            format!("tahap.{n}.pengumuman"),
            tx("Pengumuman", "Announcement"),
            None,
            "TTTT-BB-HH",
            Some(umum.clone()),
        );
        q.ask(
            format!("tahap.{n}.daftar_ulang"),
            tx("Daftar ulang", "Re-registration"),
            None,
            "TTTT-BB-HH sampai TTTT-BB-HH",
            Some(ulang.clone()),
        );
    }
    q.bagian = tx("Pengaduan dan pemantauan", "Complaints and monitoring");
    let wajib = Some(tx(
        "wajib dimuat (Pasal 33 ayat 3)",
        "must be stated (Pasal 33(3))",
    ));
    q.ask(
        "pengaduan",
        tx(
            "Saluran pengaduan (alamat atau laman)",
            "Complaint channel (address or web page)",
        ),
        wajib.clone(),
        "https://…",
        None,
    );
    q.ask(
        "pemantauan",
        tx(
            "Tim pemantauan dan evaluasi",
            "Monitoring and evaluation team",
        ),
        wajib,
        "Tim … Dinas Pendidikan …",
        None,
    );
    out
}
