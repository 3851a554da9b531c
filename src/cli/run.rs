//! `juknis run PLAN --sekolah S.csv --pendaftar P.csv [-o DIR]`: run a compiled
//! plan (or a .juknis, compiled on the fly) on applicant data with the
//! reference engine. Writes `hasil.csv` and `ringkasan.csv` (and `ringkasan_wilayah.csv` when seats are split by area); `--explain NISN`
//! prints why one applicant got their result.

use super::{EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS};
use juknis::diagnostic::Lang;
use juknis::engine::{self, data, ModusRusak, Prepared, RunOptions};
use miette::{miette, Result};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// Rencana (JSON atau YAML dari `juknis compile`), atau berkas .juknis.
    #[arg(value_name = "RENCANA")]
    pub plan: PathBuf,
    /// CSV sekolah: npsn, nama, daya_tampung, lintang, bujur, wilayah.
    #[arg(long, value_name = "SEKOLAH.csv")]
    pub sekolah: PathBuf,
    /// CSV pendaftar (kolomnya: lihat docs/engine.md).
    #[arg(long, value_name = "PENDAFTAR.csv")]
    pub pendaftar: PathBuf,
    /// Berkas NISN (satu per baris) pendaftar diterima yang tidak daftar ulang;
    /// kursinya diisi dari daftar cadangan.
    #[arg(long, value_name = "BERKAS")]
    pub tidak_daftar_ulang: Option<PathBuf>,
    /// Folder untuk hasil.csv dan ringkasan.csv (tanpa ini: hasil.csv ke
    /// keluaran standar).
    // `--keluaran` was its first name: kept as an alias (docs/development.md, Names).
    #[arg(long, short = 'o', alias = "keluaran", value_name = "FOLDER")]
    pub output: Option<PathBuf>,
    /// Jelaskan hasil satu pendaftar langkah demi langkah.
    #[arg(long, value_name = "NISN")]
    pub explain: Option<String>,
    /// Sisihkan baris yang tidak terbaca (dicantumkan di hasil sebagai
    /// data_tidak_sah), bukan berhenti di baris rusak pertama.
    #[arg(long)]
    pub lewati_baris_rusak: bool,
    /// Lanjutkan bila NISN dalam daftar tidak daftar ulang tidak cocok dengan
    /// pendaftar diterima mana pun (tanpa ini: NISN itu dilaporkan dan tidak ada
    /// yang ditulis).
    #[arg(long)]
    pub lewati_nisn_tak_cocok: bool,
    /// Tolak rencana kecuali tanda tangan minisign-nya (PLAN.minisig, atau
    /// `--signature`) cocok dengan kunci publik ini.
    #[arg(long, value_name = "KUNCI_PUBLIK")]
    pub verify: Option<PathBuf>,
    /// Berkas tanda tangan rencana, bila tidak di sampingnya sebagai PLAN.minisig.
    #[arg(long, value_name = "BERKAS", requires = "verify")]
    pub signature: Option<PathBuf>,
    /// Dialek CSV berkas hasil: `standar` (koma, untuk program) atau `excel`
    /// (`;`, penanda urutan bita, NISN dan NPSN disimpan sebagai teks — untuk
    /// spreadsheet berbahasa Indonesia).
    #[arg(long, value_enum, value_name = "DIALEK", default_value_t = Dialek::Standar)]
    pub csv: Dialek,
    /// Tulis juga satu berkas hasil per sekolah, `DIR/sekolah/NPSN.csv`:
    /// pendaftar yang diterimanya menurut peringkat, lalu daftar cadangannya
    /// (bersama -o).
    #[arg(long, requires = "output")]
    pub per_sekolah: bool,
    /// Kolom pendaftar yang dibawa apa adanya ke hasil, mis. `nama,asal_sekolah`.
    #[arg(long, value_name = "KOLOM,…", value_delimiter = ',')]
    pub bawa: Vec<String>,
    /// Tambahkan kunci peringkat setiap pendaftar yang ditempatkan (kolom `kunci`
    /// di hasil.csv).
    #[arg(long)]
    pub kunci: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Dialek {
    Standar,
    Excel,
}

/// `write` in the chosen dialect.
fn in_dialect(
    d: Dialek,
    w: &mut dyn std::io::Write,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    match d {
        Dialek::Standar => write(w),
        Dialek::Excel => {
            let mut x = engine::spreadsheet::Spreadsheet::new(w);
            write(&mut x)?;
            std::io::Write::flush(&mut x)
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    if path.is_dir() {
        return Err(miette!(
            "{}: ini folder, bukan berkas / is a folder, not a file",
            path.display()
        ));
    }
    std::fs::read(path).map_err(|e| miette!("{}: {e}", path.display()))
}

fn read_at_most(path: &Path, n: usize) -> Result<Vec<u8>> {
    use std::io::Read;
    if path.is_dir() {
        return read(path);
    }
    let mut out = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(n as u64).read_to_end(&mut out))
        .map_err(|e| miette!("{}: {e}", path.display()))?;
    Ok(out)
}

/// Check the plan file's signature before it is read as a plan.
fn verify(a: &Args, lang: Lang) -> Result<(), u8> {
    let Some(pk) = &a.verify else { return Ok(()) };
    if a.plan.extension().is_some_and(|e| e == "juknis") {
        eprintln!("--verify memeriksa tanda tangan rencana yang sudah dikompilasi, bukan berkas .juknis / --verify checks the signature of a compiled plan, not a .juknis file");
        return Err(EXIT_USAGE);
    }
    let sig = a
        .signature
        .clone()
        .unwrap_or_else(|| super::compile::sig_path(&a.plan));
    let read_limited = |p: &Path, n: usize| {
        read_at_most(p, n).map_err(|e| {
            eprintln!("{e}");
            EXIT_USAGE
        })
    };
    let data = read_limited(&a.plan, juknis::plan::MAX_PLAN_BYTES + 1)?;
    let tanda = String::from_utf8_lossy(&read_limited(&sig, 4096)?).into_owned();
    let lock = String::from_utf8_lossy(&read_limited(pk, 4096)?).into_owned();
    match juknis::plan::signature::verify(&data, &tanda, &lock) {
        Ok(komentar) => {
            if lang == Lang::Id {
                eprintln!("tanda tangan sah: {komentar}");
            } else {
                eprintln!("signature valid: {komentar}");
            }
            Ok(())
        }
        Err(e) => {
            eprintln!("{}: {e}", a.plan.display());
            Err(EXIT_USAGE)
        }
    }
}

pub fn load_plan(path: &Path, lang: Lang) -> Result<juknis::plan::Plan, u8> {
    let bytes = if path.extension().is_some_and(|e| e == "juknis") {
        super::read_juknis(path).map_err(|e| miette!("{}: {e}", path.display()))
    } else {
        // One byte over the limit is enough to report it.
        read_at_most(path, juknis::plan::MAX_PLAN_BYTES + 1)
    }
    .map_err(|e| {
        eprintln!("{e}");
        EXIT_USAGE
    })?;
    if path.extension().is_some_and(|e| e == "juknis") {
        let checked = juknis::check_bytes_with(&bytes, &super::batas());
        if checked.bagian.len() > 1 {
            let msg = if lang == Lang::Id {
                "juknis ini memuat beberapa jenjang: buat rencana satu jenjang dengan `juknis compile --jenjang J -o rencana.json`, lalu jalankan rencana itu"
            } else {
                "this juknis holds several jenjang: make one jenjang's plan with `juknis compile --jenjang J -o plan.json`, then run that plan"
            };
            eprintln!("{}: {msg}", path.display());
            return Err(EXIT_USAGE);
        }
        match checked.juknis.as_ref().filter(|_| checked.errors() == 0) {
            Some(j) => {
                let name = path
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default();
                Ok(juknis::compile::compile(j, checked.rulebook, &name, &bytes))
            }
            None => {
                let msg = if lang == Lang::Id {
                    "juknis masih punya error; jalankan `juknis check`"
                } else {
                    "the juknis still has errors; run `juknis check`"
                };
                eprintln!("{}: {msg}", path.display());
                Err(EXIT_VIOLATIONS)
            }
        }
    } else {
        juknis::plan::load(&String::from_utf8_lossy(&bytes)).map_err(|e| {
            eprintln!("{}: {e}", path.display());
            EXIT_USAGE
        })
    }
}

/// The plan and its prepared form, or the exit code after saying what is wrong.
pub fn load_prepared(path: &Path, lang: Lang) -> Result<(juknis::plan::Plan, Prepared), u8> {
    let plan = load_plan(path, lang)?;
    match Prepared::from_plan(&plan) {
        Ok(s) => Ok((plan, s)),
        Err(e) => {
            eprintln!("{}: {}", path.display(), e.get(lang));
            Err(EXIT_USAGE)
        }
    }
}

pub fn run(a: Args, lang: Lang, quiet: bool) -> Result<u8> {
    // JUKNIS_WAKTU=1 prints how long each phase took (for scripts/bench-engine.sh).
    let waktu = std::env::var_os("JUKNIS_WAKTU").is_some();
    let t0 = std::time::Instant::now();
    let fase = |nama: &str| {
        if waktu {
            eprintln!(
                "waktu {nama}: {:.3} s{}",
                t0.elapsed().as_secs_f64(),
                engine::memory_mb()
            );
        }
    };
    if let Err(code) = verify(&a, lang) {
        return Ok(code);
    }
    let (plan, prepared) = match load_prepared(&a.plan, lang) {
        Ok(x) => x,
        Err(code) => return Ok(code),
    };
    let modus = if a.lewati_baris_rusak {
        ModusRusak::Lewati
    } else {
        ModusRusak::Berhenti
    };
    let progres = !quiet && std::io::IsTerminal::is_terminal(&std::io::stderr());
    let batas = super::batas();
    let s_bytes = match data::read_file(&a.sekolah, batas.ukuran_data) {
        Ok(b) => b,
        Err(m) => {
            eprintln!("{}", m.render(lang));
            return Ok(EXIT_USAGE);
        }
    };
    let s_name = a.sekolah.display().to_string();
    let s_hash = juknis::atomic::sha256(&s_bytes);
    let (sekolah, s_rusak) =
        match data::read_sekolah_with(&s_name, &s_bytes, modus, &super::batas()) {
            Ok(x) => x,
            Err(m) => {
                eprintln!("{}", m.render(lang));
                return Ok(EXIT_VIOLATIONS);
            }
        };
    for m in &s_rusak {
        eprintln!("{}", m.render(lang));
    }
    if progres {
        eprintln!("{} sekolah dibaca", sekolah.len());
    }
    let p_name = a.pendaftar.display().to_string();
    // Read a block at a time and hashed on the way; pass-through columns need
    // the whole text for their second reading, so with them the file is read whole.
    let dibaca = if a.bawa.is_empty() {
        data::read_pendaftar_path(&a.pendaftar, &prepared, &sekolah, modus, &batas)
            .map(|(bacaan, hash)| (bacaan, None, hash))
    } else {
        read_whole(
            &a.pendaftar,
            &p_name,
            &a.bawa,
            &prepared,
            &sekolah,
            modus,
            &batas,
        )
    };
    let (bacaan, bawa, p_hash) = match dibaca {
        Ok(x) => x,
        Err(m) => {
            eprintln!("{}", m.render(lang));
            // The file itself (unreadable, too large, binary) as before any row.
            return Ok(
                if matches!(m.kode, "berkas.baca" | "batas.ukuran" | "berkas.biner") {
                    EXIT_USAGE
                } else {
                    EXIT_VIOLATIONS
                },
            );
        }
    };
    fase("baca");
    for r in &bacaan.rusak {
        eprintln!("{}", r.masalah.render(lang));
    }
    if progres {
        eprintln!("{} pendaftar dibaca", bacaan.pendaftar.len());
    }
    let mut opsi = RunOptions {
        progres,
        kunci: a.kunci,
        daftar_cadangan: a.per_sekolah,
        jejak: a.explain.clone(),
        ..Default::default()
    };
    let mut du_hash = String::new();
    if let Some(f) = &a.tidak_daftar_ulang {
        let bytes = match data::read_file(f, batas.ukuran_data) {
            Ok(b) => b,
            Err(m) => {
                eprintln!("{}", m.render(lang));
                return Ok(EXIT_USAGE);
            }
        };
        du_hash = juknis::atomic::sha256(&bytes);
        match data::read_tidak_daftar_ulang(&f.display().to_string(), &bytes) {
            Ok(v) => opsi.tidak_daftar_ulang = v,
            Err(m) => {
                eprintln!("{}", m.render(lang));
                return Ok(EXIT_VIOLATIONS);
            }
        }
    }
    // The result rows take the applicants' memory: the applicants are not needed after.
    let hasil = engine::run_owned(&prepared, &sekolah, bacaan, &opsi);
    fase("seleksi");
    // A no-show NISN that matches no accepted applicant is a typo or a list for
    // another run: its seat was never freed.
    if !hasil.tidak_cocok.is_empty() {
        let f = a
            .tidak_daftar_ulang
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        for n in &hasil.tidak_cocok {
            if lang == Lang::Id {
                eprintln!("{f}: NISN `{n}` tidak cocok dengan pendaftar yang diterima; kursinya tidak dilepas");
            } else {
                eprintln!(
                    "{f}: NISN `{n}` matches no accepted applicant; no seat was released for it"
                );
            }
        }
        if !a.lewati_nisn_tak_cocok {
            if lang == Lang::Id {
                eprintln!("tidak ada hasil yang ditulis; perbaiki daftarnya, atau pakai --lewati-nisn-tak-cocok");
            } else {
                eprintln!("no result written; fix the list, or use --lewati-nisn-tak-cocok");
            }
            return Ok(EXIT_VIOLATIONS);
        }
    }
    if let Some(id) = &a.explain {
        if hasil.jejak.is_empty() {
            let msg = if lang == Lang::Id {
                "tidak ada pendaftar dengan NISN"
            } else {
                "no applicant with NISN"
            };
            eprintln!("{msg} `{id}`");
            return Ok(EXIT_USAGE);
        }
        for (i, line) in hasil.jejak.iter().enumerate() {
            outln!("{:>3}. {}", i + 1, line.get(lang));
        }
        return Ok(EXIT_OK);
    }
    match &a.output {
        Some(dir) => {
            let folder = juknis::atomic::OutputFolder::lock(dir).map_err(|e| miette!("{e}"))?;
            let sumber = |p: &Path, sha: String| serde_json::json!({ "berkas": p.display().to_string(), "sha256": sha });
            let selesai = serde_json::json!({
                "format": "juknis-selesai/1",
                "kompiler": { "nama": "juknis", "versi": env!("CARGO_PKG_VERSION") },
                "rencana": { "berkas": a.plan.display().to_string(), "sha256_rencana": plan.sha256_rencana },
                "sekolah": sumber(&a.sekolah, s_hash),
                "pendaftar": sumber(&a.pendaftar, p_hash),
                "tidak_daftar_ulang": a.tidak_daftar_ulang.as_ref().map(|p| sumber(p, du_hash.clone())),
            });
            let d = a.csv;
            let write_hasil: juknis::atomic::Content<'_> = Box::new(|w| {
                in_dialect(d, w, |w| {
                    engine::output::write_hasil(&hasil, &prepared, &sekolah, lang, bawa.as_ref(), w)
                })
            });
            let ringkasan = engine::output::ringkasan_csv(&hasil, &prepared, &sekolah);
            let tulis_ringkasan: juknis::atomic::Content<'_> =
                Box::new(|w| in_dialect(d, w, |w| w.write_all(ringkasan.as_bytes())));
            let per_wilayah = engine::output::ringkasan_wilayah_csv(&hasil, &prepared, &sekolah);
            let (names, per): (Vec<String>, Vec<String>) = if a.per_sekolah {
                std::fs::create_dir_all(dir.join("sekolah"))
                    .map_err(|e| miette!("{}: {e}", dir.join("sekolah").display()))?;
                let per =
                    engine::output::per_sekolah_csv(&hasil, &prepared, &sekolah, bawa.as_ref());
                let names = sekolah
                    .iter()
                    .map(|s| format!("sekolah/{}", engine::output::nama_berkas_sekolah(s)))
                    .collect();
                (names, per)
            } else {
                (Vec::new(), Vec::new())
            };
            let mut files: Vec<(&str, juknis::atomic::Content<'_>)> = vec![
                ("hasil.csv", write_hasil),
                ("ringkasan.csv", tulis_ringkasan),
            ];
            if let Some(body) = &per_wilayah {
                files.push((
                    "ringkasan_wilayah.csv",
                    Box::new(move |w| in_dialect(d, w, |w| w.write_all(body.as_bytes()))),
                ));
            }
            for (n, body) in names.iter().zip(&per) {
                files.push((
                    n.as_str(),
                    Box::new(move |w| in_dialect(d, w, |w| w.write_all(body.as_bytes()))),
                ));
            }
            folder
                .write_all(files, selesai)
                .map_err(|e| miette!("{e}"))?;
            if !quiet {
                let ok = hasil
                    .pendaftar
                    .iter()
                    .filter(|p| p.status == engine::Status::Diterima)
                    .count();
                let n = hasil.pendaftar.len();
                if lang == Lang::Id {
                    eprintln!("{n} pendaftar: {ok} diterima; hasil di {}", dir.display());
                } else {
                    eprintln!(
                        "{n} applicants: {ok} accepted; results in {}",
                        dir.display()
                    );
                }
            }
        }
        None => {
            let mut o = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
            if let Err(e) = in_dialect(a.csv, &mut o, |w| {
                engine::output::write_hasil(&hasil, &prepared, &sekolah, lang, bawa.as_ref(), w)
            })
            .and_then(|_| std::io::Write::flush(&mut o))
            {
                super::report_stdout_error(&e, lang);
                return Ok(EXIT_USAGE);
            }
        }
    }
    fase("tulis");
    let code = if hasil.rusak.is_empty() && s_rusak.is_empty() && hasil.tidak_cocok.is_empty() {
        EXIT_OK
    } else {
        EXIT_VIOLATIONS
    };
    // The process ends next: returning a million rows' memory to the allocator
    // one by one took a tenth of a 1M run, and the kernel frees it at once.
    std::mem::forget(hasil);
    Ok(code)
}

type Dibaca = (engine::PendaftarFile, Option<data::Bawa>, String);

/// The applicants file read whole: its rows, the pass-through columns `bawa`
/// (a second, separate reading) and its hash.
fn read_whole(
    path: &std::path::Path,
    p_name: &str,
    bawa: &[String],
    prepared: &engine::Prepared,
    sekolah: &[engine::Sekolah],
    modus: ModusRusak,
    batas: &juknis::batas::Batas,
) -> Result<Dibaca, data::DataError> {
    let p_bytes = data::read_file(path, batas.ukuran_data)?;
    let bacaan = data::read_pendaftar_with(p_name, &p_bytes, prepared, sekolah, modus, batas)?;
    let bawa = data::read_bawa(p_name, &p_bytes, bawa, batas)?;
    Ok((bacaan, Some(bawa), juknis::atomic::sha256(&p_bytes)))
}
